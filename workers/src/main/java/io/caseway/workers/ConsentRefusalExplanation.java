package io.caseway.workers;

/**
 * Tells the citizen, in plain language, what refusing consent for a health data source means: that
 * source is not used, there is no sanction, and the support goes on without it. Idempotent: the
 * citizen is told once per referral and source, however often this is called.
 */
public interface ConsentRefusalExplanation {

  /** @throws InvalidReferralException if the referral is unknown */
  void explain(String referralId, String dataSource);
}
