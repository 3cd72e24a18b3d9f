package io.caseway.app.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A referral as its partner sees it: status only, no health details. */
public record ReferralView(UUID referralId, UUID citizenId, Referral.Status status, List<String> needs,
    Instant receivedAt, Instant acknowledgedAt) {

  static ReferralView of(Referral r) {
    return new ReferralView(r.id(), r.citizenId(), r.status(), r.needs(), r.receivedAt(),
        r.acknowledgedAt().orElse(null));
  }
}
