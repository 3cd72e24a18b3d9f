package io.caseway.workers;

/**
 * Takes a place in a caseworker's caseload for a case and records the assignment, only while the
 * caseworker is under their cap (a conditional update, so concurrent assignments cannot pass the
 * cap), and takes the case off the waiting list. Idempotent: a case already assigned to that
 * caseworker answers true again without taking a second place.
 */
public interface CoachPlaces {

  /**
   * @return true when the case is assigned to the caseworker; false when their last place went to
   *     another case in the meantime
   * @throws InvalidReferralException if the case or the caseworker does not exist
   */
  boolean take(String caseId, String caseworkerId);
}
