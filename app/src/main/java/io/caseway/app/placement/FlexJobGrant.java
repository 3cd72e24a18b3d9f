package io.caseway.app.placement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A flex-job grant, one per flex-job-placement journey; its follow-ups and end are counted from its date. */
@Entity
@Table(name = "flex_job_grant")
class FlexJobGrant {
  @Id private UUID id;
  @Column(name = "case_id") private UUID caseId;
  @Column(name = "journey_key") private long journeyKey;
  @Column(name = "granted_on") private LocalDate grantedOn;
  @Column(name = "recorded_at") private Instant recordedAt;

  protected FlexJobGrant() {}

  FlexJobGrant(UUID caseId, long journeyKey, LocalDate grantedOn, Instant recordedAt) {
    this.id = UUID.randomUUID();
    this.caseId = caseId;
    this.journeyKey = journeyKey;
    this.grantedOn = grantedOn;
    this.recordedAt = recordedAt;
  }

  LocalDate grantedOn() {
    return grantedOn;
  }
}
