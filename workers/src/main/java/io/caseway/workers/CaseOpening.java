package io.caseway.workers;

/**
 * Opens the case file for a referral. Idempotent: opening the case of a referral that already has
 * one returns that case, so a redelivered job does not open a second case for the same person.
 */
public interface CaseOpening {

  /**
   * @param track the track the triage chose: {@code job-directed} or {@code interdisciplinary-unit}
   * @return the case id
   * @throws InvalidReferralException if the referral is unknown or the track is not one Caseway has
   */
  String openCase(String referralId, String track);
}
