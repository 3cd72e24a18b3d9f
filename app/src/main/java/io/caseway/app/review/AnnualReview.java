package io.caseway.app.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.UUID;

/**
 * When a case's plan, which reached no lasting solution, is next reviewed: the last assessment plus
 * the review interval of the case's rule set. Names the annual-review journey once one is started.
 */
@Entity
@Table(name = "annual_review")
public class AnnualReview {
  @Id @Column(name = "case_id") private UUID caseId;
  @Column(name = "last_assessment_date") private LocalDate lastAssessmentDate;
  @Column(name = "review_interval") private String reviewInterval;
  @Column(name = "due_on") private LocalDate dueOn;
  @Column(name = "process_instance_key") private Long processInstanceKey;
  @Column(name = "recorded_at") private Instant recordedAt;
  @Column(name = "last_review_outcome") private String lastReviewOutcome;
  @Version private long version;

  protected AnnualReview() {}

  AnnualReview(UUID caseId, LocalDate lastAssessmentDate, String reviewInterval, Instant recordedAt) {
    this.caseId = caseId;
    this.lastAssessmentDate = lastAssessmentDate;
    this.reviewInterval = reviewInterval;
    this.dueOn = lastAssessmentDate.plus(Period.parse(reviewInterval));
    this.recordedAt = recordedAt;
  }

  /** A review was held on {@code reviewDate}: the next one is counted from it. The same review again changes nothing. */
  void reviewed(LocalDate reviewDate, String outcome) {
    this.lastAssessmentDate = reviewDate;
    this.dueOn = reviewDate.plus(Period.parse(reviewInterval));
    this.lastReviewOutcome = outcome;
  }

  public Optional<String> lastReviewOutcome() {
    return Optional.ofNullable(lastReviewOutcome);
  }

  /** The annual-review journey that runs it; started once. */
  void startedAs(long key) {
    if (processInstanceKey != null) {
      throw new IllegalStateException("The annual review of case " + caseId + " is already running as "
          + processInstanceKey);
    }
    processInstanceKey = key;
  }

  public UUID caseId() {
    return caseId;
  }

  public LocalDate lastAssessmentDate() {
    return lastAssessmentDate;
  }

  public String reviewInterval() {
    return reviewInterval;
  }

  public LocalDate dueOn() {
    return dueOn;
  }

  public Optional<Long> processInstanceKey() {
    return Optional.ofNullable(processInstanceKey);
  }

  public Instant recordedAt() {
    return recordedAt;
  }
}
