package io.caseway.app.outcome;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An outcome a case reached, with the district and region of its caseworker, for the dashboards. */
@Entity
@Table(name = "outcome_event")
public class OutcomeEvent {
  public enum Kind {
    INTO_WORK,
    SUSTAINED_13_WEEKS,
    SUSTAINED_26_WEEKS,
    LASTING_SOLUTION
  }

  @Id private UUID id;
  @Column(name = "case_id") private UUID caseId;
  @Enumerated(EnumType.STRING) private Kind kind;
  @Column(name = "occurred_on") private LocalDate occurredOn;
  @Column(name = "recorded_at") private Instant recordedAt;
  private String district;
  private String region;

  protected OutcomeEvent() {}

  OutcomeEvent(UUID caseId, Kind kind, LocalDate occurredOn, Instant recordedAt, String district, String region) {
    this.id = UUID.randomUUID();
    this.caseId = caseId;
    this.kind = kind;
    this.occurredOn = occurredOn;
    this.recordedAt = recordedAt;
    this.district = district;
    this.region = region;
  }

  public UUID caseId() {
    return caseId;
  }

  public Kind kind() {
    return kind;
  }

  public LocalDate occurredOn() {
    return occurredOn;
  }
}
