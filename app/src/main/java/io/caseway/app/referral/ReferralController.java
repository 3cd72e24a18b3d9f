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
  private final ReferralRateLimit rateLimit;
  private final io.caseway.app.security.CurrentUser currentUser;
  private final io.caseway.app.audit.AuditLog audit;

  ReferralController(Referrals referrals, ReferralRateLimit rateLimit, io.caseway.app.security.CurrentUser currentUser,
      io.caseway.app.audit.AuditLog audit) {
    this.referrals = referrals;
    this.rateLimit = rateLimit;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  @PostMapping
  ResponseEntity<ReferralView> submit(
      @RequestHeader("Idempotency-Key") @Size(min = 1, max = 200) String idempotencyKey,
      @Valid @RequestBody ReferralRequest request) {
    var me = currentUser.require();
    rateLimit.acquire(me.username());
    if (!request.partnerOrganisationId().equals(me.partnerId())) {
      audit.record(me, io.caseway.app.audit.AuditLog.Action.WRITE, "referral", null, null,
          "refer for partner " + request.partnerOrganisationId(), false);
      throw new io.caseway.app.security.AccessDeniedProblem("You may refer people in for your own organisation only"
          + " (partnerOrganisationId " + me.partnerId() + ")");
    }
    Referrals.Submission submission;
    try {
      submission = referrals.submit(idempotencyKey, request);
    } catch (DataIntegrityViolationException raced) {
      // a concurrent request with the same key (or the same new citizen) committed first: answer as it did
      submission = referrals.replay(request.partnerOrganisationId(), idempotencyKey, Referrals.hash(request))
          .orElseGet(() -> referrals.submit(idempotencyKey, request));
    }
    ReferralView view = submission.referral();
    audit.record(me, io.caseway.app.audit.AuditLog.Action.WRITE, "referral", view.referralId(), view.citizenId(),
        io.caseway.app.security.Purpose.or("refer the citizen in"), true);
    return ResponseEntity.created(URI.create("/api/referrals/" + view.referralId()))
        .header("Idempotent-Replayed", Boolean.toString(submission.replayed()))
        .body(view);
  }

  /** The status of one of the partner's own referrals; another partner's is not found (and the attempt audited). */
  @GetMapping("/{referralId}")
  ReferralView get(@PathVariable UUID referralId) {
    var me = currentUser.require();
    try {
      ReferralView view = referrals.get(me.partnerId(), referralId);
      audit.record(me, io.caseway.app.audit.AuditLog.Action.READ, "referral", referralId, view.citizenId(),
          io.caseway.app.security.Purpose.or("follow the referral's status"), true);
      return view;
    } catch (io.caseway.app.shared.Problems.ProblemException notTheirs) {
      audit.record(me, io.caseway.app.audit.AuditLog.Action.READ, "referral", referralId, null,
          "read a referral of another partner, or none", false);
      throw notTheirs;
    }
  }
}
