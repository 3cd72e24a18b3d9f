package io.caseway.workers;

import java.time.Instant;

/**
 * Acknowledges receipt of a referral from a health partner. Acknowledging is idempotent: the
 * same referral is acknowledged once, and every later call returns the time of that first
 * acknowledgement, so a job that is delivered again (after a timeout, a failed completion or a
 * worker crash) does not move the date the claimant's clock starts from.
 */
public interface ReferralAcknowledgement {

  /**
   * @return when the referral was (first) acknowledged
   * @throws InvalidReferralException if the referral id is missing or names no acknowledgeable
   *     referral; a business failure the process must handle, not a technical one to retry
   */
  Instant acknowledge(String referralId);
}
