package io.caseway.app.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The citizen's own view of their health and work capacity, recorded before the roundtable so
 * that it counts there (not only the doctor's). Health data: special-category personal data.
 */
@Entity
@Table(name = "health_self_assessment")
public class HealthSelfAssessment {
  @Id private UUID id;
  @Column(name = "case_id") private UUID caseId;
  @Column(name = "recorded_at") private Instant recordedAt;
  @Column(name = "work_capacity_rating") private short workCapacityRating;
  @Column(name = "hours_per_week_possible") private BigDecimal hoursPerWeekPossible;
  private String limitations;
  private String wishes;
  @Version private long version;

  protected HealthSelfAssessment() {}

  HealthSelfAssessment(UUID caseId, Instant recordedAt, int workCapacityRating, BigDecimal hoursPerWeekPossible,
      String limitations, String wishes) {
    if (workCapacityRating < 0 || workCapacityRating > 10) {
      throw new IllegalArgumentException("The work capacity rating runs from 0 to 10");
    }
    this.id = UUID.randomUUID();
    this.caseId = caseId;
    this.recordedAt = recordedAt;
    this.workCapacityRating = (short) workCapacityRating;
    this.hoursPerWeekPossible = hoursPerWeekPossible;
    this.limitations = limitations;
    this.wishes = wishes;
  }

  public UUID id() {
    return id;
  }

  public UUID caseId() {
    return caseId;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public int workCapacityRating() {
    return workCapacityRating;
  }

  public BigDecimal hoursPerWeekPossible() {
    return hoursPerWeekPossible;
  }

  public String limitations() {
    return limitations;
  }

  public String wishes() {
    return wishes;
  }
}
