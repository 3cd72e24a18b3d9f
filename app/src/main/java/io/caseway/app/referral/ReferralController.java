package io.caseway.app.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Health partners refer people in. Every submission carries an {@code Idempotency-Key}: repeating a
 * request (a timeout, a double click) returns the first result with {@code Idempotent-Replayed:
 * true} instead of a second referral.
 */
@RestController
@RequestMapping("/api/referrals")
@Validated
class ReferralController {
  private final Referrals referrals;

  ReferralController(Referrals referrals) {
    this.referrals = referrals;
  }

  @PostMapping
  ResponseEntity<ReferralView> submit(
      @RequestHeader("Idempotency-Key") @Size(min = 1, max = 200) String idempotencyKey,
      @Valid @RequestBody ReferralRequest request) {
    Referrals.Submission submission;
    try {
      submission = referrals.submit(idempotencyKey, request);
    } catch (DataIntegrityViolationException raced) {
      // a concurrent request with the same key (or the same new citizen) committed first: answer as it did
      submission = referrals.replay(request.partnerOrganisationId(), idempotencyKey, Referrals.hash(request))
          .orElseGet(() -> referrals.submit(idempotencyKey, request));
    }
    ReferralView view = submission.referral();
    return ResponseEntity.created(URI.create("/api/referrals/" + view.referralId()))
        .header("Idempotent-Replayed", Boolean.toString(submission.replayed()))
        .body(view);
  }

  /** The status of one of the partner's own referrals (the partner is named until sign-in exists). */
  @GetMapping("/{referralId}")
  ReferralView get(@RequestHeader("Caseway-Partner-Id") UUID partnerId, @PathVariable UUID referralId) {
    return referrals.get(partnerId, referralId);
  }
}
