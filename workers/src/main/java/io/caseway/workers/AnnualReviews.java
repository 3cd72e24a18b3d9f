package io.caseway.workers;

import java.time.LocalDate;

/**
 * Records on the case that a plan without a lasting solution is reviewed every year: the date the
 * next review is due, told to the coach, and the annual-review journey started where it is deployed.
 * Idempotent: a case whose review is already recorded keeps its due date.
 */
public interface AnnualReviews {

  /**
   * @return the date the annual review is due
   * @throws InvalidReferralException if the case does not exist
   */
  LocalDate schedule(String caseId);
}
