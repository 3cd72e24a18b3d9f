package io.caseway.app.referral;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caseway.app.shared.Problems.ProblemException;
import org.junit.jupiter.api.Test;

class ReferralRateLimitTest {
  @Test
  void aClientGetsItsRatePerMinuteThenA429WhileOthersGoOn() {
    ReferralRateLimit limit = new ReferralRateLimit(3);
    limit.acquire("gp");
    limit.acquire("gp");
    limit.acquire("gp");
    assertThatThrownBy(() -> limit.acquire("gp")).isInstanceOf(ProblemException.class)
        .hasMessageContaining("More than 3 referrals a minute");
    limit.acquire("clinic"); // another client has its own allowance: no refusal
  }
}
