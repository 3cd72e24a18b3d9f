package io.caseway.workers;

import java.time.LocalDate;

/**
 * Writes an annual review to the case file: its date becomes the last assessment date, from which
 * the next review is counted, and the notes and plan change the citizen can read. Idempotent: the
 * same review recorded twice is kept once.
 */
public interface PlanReviews {

  /** @throws InvalidReferralException if the case does not exist or the review date is not a date */
  void recordReview(String caseId, LocalDate reviewDate, String reviewOutcome, String planUpdate);
}
