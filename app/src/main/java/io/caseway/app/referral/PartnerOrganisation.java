package io.caseway.app.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A health partner (GP practice, addiction clinic, mental-health service, ...) that refers people in. */
@Entity
@Table(name = "partner_organisation")
public class PartnerOrganisation {
  public enum Kind {
    GP_PRACTICE,
    ADDICTION_CLINIC,
    MENTAL_HEALTH_SERVICE,
    REHABILITATION_CENTRE,
    CHARITY,
    OTHER;

    /** Referrals from health services count as health-referred: voluntary, never sanctioned. */
    boolean isHealthService() {
      return this != CHARITY && this != OTHER;
    }
  }

  @Id private UUID id;
  private String name;
  @Enumerated(EnumType.STRING) private Kind kind;
  @Column(name = "created_at") private Instant createdAt;

  protected PartnerOrganisation() {}

  public PartnerOrganisation(String name, Kind kind, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.name = name;
    this.kind = kind;
    this.createdAt = createdAt;
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }
}
