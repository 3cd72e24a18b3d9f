package io.caseway.workers;

/** A referral that cannot be processed as given: retrying the same input will not help. */
public class InvalidReferralException extends RuntimeException {
  public InvalidReferralException(String message) {
    super(message);
  }
}
