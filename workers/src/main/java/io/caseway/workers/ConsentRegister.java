package io.caseway.workers;

/**
 * Answers whether the citizen of a referral has consented to Caseway obtaining health data from one
 * source for this case. A consent is specific (which data, from whom, for which case) and may expire
 * or be withdrawn; a generic consent does not count. Reading only, so asking again is harmless.
 */
public interface ConsentRegister {

  /**
   * @param dataSource the source the referral asks to use, e.g. {@code gp-records}
   * @throws InvalidReferralException if the referral is unknown
   */
  ConsentStatus status(String referralId, String dataSource);
}
