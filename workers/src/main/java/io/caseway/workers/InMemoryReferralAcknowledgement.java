package io.caseway.workers;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link ReferralAcknowledgement} until referrals are stored: remembers, per
 * referral id, the instant of its first acknowledgement, for the lifetime of the JVM. Only
 * rejects blank ids, as it has no register of known referrals to check against.
 */
public class InMemoryReferralAcknowledgement implements ReferralAcknowledgement {
  private final Clock clock;
  private final Map<String, Instant> acknowledged = new ConcurrentHashMap<>();

  public InMemoryReferralAcknowledgement(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Instant acknowledge(String referralId) {
    if (referralId == null || referralId.isBlank()) {
      throw new InvalidReferralException("referralId is missing or blank");
    }
    return acknowledged.computeIfAbsent(referralId.strip(), id -> clock.instant().truncatedTo(ChronoUnit.MILLIS));
  }
}
