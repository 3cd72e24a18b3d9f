package io.caseway.workers;

import java.time.LocalDate;

/**
 * The case side of trying work without fear: the benefit re-assessment is suspended while the
 * citizen tries a job, the case resumes where it was if the job ends, and closes with a lasting
 * solution after the whole period in work. Each call is idempotent.
 */
public interface TryWork {
  /** @throws InvalidReferralException if the case does not exist */
  void suspendReassessment(String caseId, LocalDate jobStartDate);

  /** @throws InvalidReferralException if the case does not exist */
  void resume(String caseId);

  /**
   * Closes the case; a closed case stays closed.
   *
   * @param closingReason why, as the journey says it ({@code lasting-solution})
   * @throws InvalidReferralException if the case does not exist or the reason is unknown
   */
  void close(String caseId, String closingReason);
}
