package io.caseway.workers;

/**
 * Tells the managers that a roundtable meeting was not prepared by its deadline. Idempotent: one
 * notice per {@code meetingKey} (one roundtable request), however often it is asked for.
 */
public interface OverdueRoundtables {

  /** @throws InvalidReferralException if the case does not exist */
  void reportOverdue(String caseId, String meetingKey);
}
