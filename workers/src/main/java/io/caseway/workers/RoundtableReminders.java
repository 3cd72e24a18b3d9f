package io.caseway.workers;

/**
 * Reminds the case's coach that a roundtable meeting is still being prepared. Idempotent: one
 * reminder per {@code reminderKey}, however often it is asked for (a job delivered twice reminds once).
 */
public interface RoundtableReminders {

  /** @throws InvalidReferralException if the case does not exist */
  void remind(String caseId, String reminderKey);
}
