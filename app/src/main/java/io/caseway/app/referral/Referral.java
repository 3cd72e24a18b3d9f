package io.caseway.app.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A referral from a health partner: who referred whom, why, and what else the person struggles
 * with. Received, then acknowledged once (the first acknowledgement's time stands), then its
 * intake process is started once.
 */
@Entity
@Table(name = "referral")
public class Referral {
  public enum Status {
    RECEIVED,
    INTAKE_STARTED,
    ACKNOWLEDGED
  }

  @Id private UUID id;
  @Column(name = "citizen_id") private UUID citizenId;
  @Column(name = "partner_id") private UUID partnerId;
  @Column(name = "referrer_name") private String referrerName;
  @Column(name = "referrer_role") private String referrerRole;
  private String reason;
  @JdbcTypeCode(SqlTypes.ARRAY) private List<String> needs = new ArrayList<>();
  @Column(name = "health_referred") private boolean healthReferred;
  @Column(name = "received_at") private Instant receivedAt;
  @Column(name = "acknowledged_at") private Instant acknowledgedAt;
  @Column(name = "intake_started_at") private Instant intakeStartedAt;
  @JdbcTypeCode(SqlTypes.ARRAY) @Column(name = "data_sources") private List<String> dataSources = new ArrayList<>();
  @Column(name = "benefit_type") private String benefitType;
  @Column(name = "benefit_start_date") private java.time.LocalDate benefitStartDate;
  @Version private long version;

  protected Referral() {}

  Referral(UUID citizenId, PartnerOrganisation partner, String referrerName, String referrerRole, String reason,
      List<Need> needs, Instant receivedAt) {
    this.id = UUID.randomUUID();
    this.citizenId = citizenId;
    this.partnerId = partner.id();
    this.referrerName = referrerName;
    this.referrerRole = referrerRole;
    this.reason = reason;
    this.needs = new ArrayList<>(needs.stream().map(Enum::name).distinct().toList());
    this.healthReferred = partner.kind().isHealthService();
    this.receivedAt = receivedAt;
  }

  /** What the intake needs beyond the referral itself: the data sources to check consent for, and the benefit. */
  Referral withIntakeDetails(List<String> dataSources, String benefitType, java.time.LocalDate benefitStartDate) {
    this.dataSources = new ArrayList<>(dataSources);
    this.benefitType = benefitType;
    this.benefitStartDate = benefitStartDate;
    return this;
  }

  public List<String> dataSources() {
    return List.copyOf(dataSources);
  }

  public Optional<String> benefitType() {
    return Optional.ofNullable(benefitType);
  }

  public Optional<java.time.LocalDate> benefitStartDate() {
    return Optional.ofNullable(benefitStartDate);
  }

  /** Acknowledges the referral; a second acknowledgement keeps the first one's time. */
  Instant acknowledge(Instant now) {
    if (acknowledgedAt == null) {
      acknowledgedAt = now;
    }
    return acknowledgedAt;
  }

  /** Records that the intake process was started (once). */
  void intakeStarted(Instant now) {
    if (intakeStartedAt == null) {
      intakeStartedAt = now;
    }
  }

  public Status status() {
    if (acknowledgedAt != null) {
      return Status.ACKNOWLEDGED;
    }
    return intakeStartedAt != null ? Status.INTAKE_STARTED : Status.RECEIVED;
  }

  public UUID id() {
    return id;
  }

  public UUID citizenId() {
    return citizenId;
  }

  public UUID partnerId() {
    return partnerId;
  }

  public String referrerName() {
    return referrerName;
  }

  public String referrerRole() {
    return referrerRole;
  }

  public String reason() {
    return reason;
  }

  /** Needs in lower case, as the triage decision reads them ({@code health}, {@code debt}, ...). */
  public List<String> needs() {
    return needs.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).toList();
  }

  public boolean healthReferred() {
    return healthReferred;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public Optional<Instant> acknowledgedAt() {
    return Optional.ofNullable(acknowledgedAt);
  }

  public Optional<Instant> intakeStartedAt() {
    return Optional.ofNullable(intakeStartedAt);
  }
}
