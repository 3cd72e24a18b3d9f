package io.caseway.workers;

import java.util.List;

/** The sickness-benefit case as the early effort needs it: the employer contact and the payments made. */
public interface SicknessBenefits {
  /** A period sickness benefit was paid, both days included (ISO dates). */
  record PaidPeriod(String from, String to) {}

  /**
   * Asks the coach to make the retention contact with the employer; once per case.
   *
   * @throws InvalidReferralException if the case does not exist
   */
  void contactEmployer(String caseId);

  /**
   * The periods paid for the case, oldest first.
   *
   * @throws InvalidReferralException if the case does not exist
   */
  List<PaidPeriod> paymentHistory(String caseId);
}
