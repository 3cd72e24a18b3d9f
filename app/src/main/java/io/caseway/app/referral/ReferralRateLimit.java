package io.caseway.app.referral;

import io.caseway.app.shared.Problems.ProblemException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * At most {@code caseway.referrals.rate-limit-per-minute} referral submissions per partner client a
 * minute (a token bucket refilled continuously), so a misbehaving client cannot flood the intake.
 * In memory, per app instance.
 */
@Component
class ReferralRateLimit {
  private record Bucket(double tokens, long atNanos) {}

  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final int perMinute;

  ReferralRateLimit(@Value("${caseway.referrals.rate-limit-per-minute:120}") int perMinute) {
    this.perMinute = perMinute;
  }

  void acquire(String client) {
    long now = System.nanoTime();
    Bucket after = buckets.compute(client, (k, b) -> {
      double tokens = b == null ? perMinute : Math.min(perMinute, b.tokens() + (now - b.atNanos()) * perMinute / 60e9);
      return new Bucket(tokens - 1, now);
    });
    if (after.tokens() < 0) {
      buckets.computeIfPresent(client, (k, b) -> new Bucket(b.tokens() + 1, b.atNanos())); // the refused call costs nothing
      throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "More than " + perMinute
          + " referrals a minute from this client; wait a few seconds and send the rest again (same Idempotency-Key)");
    }
  }
}
