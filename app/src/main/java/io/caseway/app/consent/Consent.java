package io.caseway.app.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A citizen's specific consent to obtain one category of data from one source for one purpose in
 * one case (or, before the case exists, one referral). Given, possibly expiring, and withdrawable
 * at any time; a withdrawn or expired consent allows nothing.
 */
@Entity
@Table(name = "consent")
public class Consent {
  @Id private UUID id;
  @Column(name = "citizen_id") private UUID citizenId;
  @Column(name = "case_id") private UUID caseId;
  @Column(name = "referral_id") private UUID referralId;
  @Enumerated(EnumType.STRING) @Column(name = "data_category") private DataCategory dataCategory;
  private String source;
  private String purpose;
  @Column(name = "given_at") private Instant givenAt;
  @Column(name = "expires_at") private Instant expiresAt;
  @Column(name = "withdrawn_at") private Instant withdrawnAt;
  @Version private long version;

  protected Consent() {}

  Consent(UUID citizenId, UUID referralId, DataCategory dataCategory, String source, String purpose, Instant givenAt,
      Instant expiresAt) {
    if (expiresAt != null && !expiresAt.isAfter(givenAt)) {
      throw new IllegalArgumentException("A consent must expire after it was given");
    }
    this.id = UUID.randomUUID();
    this.citizenId = citizenId;
    this.referralId = referralId;
    this.dataCategory = dataCategory;
    this.source = source;
    this.purpose = purpose;
    this.givenAt = givenAt;
    this.expiresAt = expiresAt;
  }

  /** Withdraws the consent; withdrawing again changes nothing (the first withdrawal's time stands). */
  void withdraw(Instant now) {
    if (withdrawnAt == null) {
      withdrawnAt = now;
    }
  }

  /** Ties a consent given with the referral to the case opened from it. */
  void attachToCase(UUID caseId) {
    if (this.caseId == null) {
      this.caseId = caseId;
    }
  }

  public boolean isValidAt(Instant when) {
    return withdrawnAt == null && !when.isBefore(givenAt) && (expiresAt == null || when.isBefore(expiresAt));
  }

  public UUID id() {
    return id;
  }

  public UUID citizenId() {
    return citizenId;
  }

  public Optional<UUID> caseId() {
    return Optional.ofNullable(caseId);
  }

  public Optional<UUID> referralId() {
    return Optional.ofNullable(referralId);
  }

  public DataCategory dataCategory() {
    return dataCategory;
  }

  public String source() {
    return source;
  }

  public String purpose() {
    return purpose;
  }

  public Instant givenAt() {
    return givenAt;
  }

  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  public Optional<Instant> withdrawnAt() {
    return Optional.ofNullable(withdrawnAt);
  }
}
