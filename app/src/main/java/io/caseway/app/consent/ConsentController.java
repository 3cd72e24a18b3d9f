package io.caseway.app.consent;

import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A citizen withdraws one of their consents; from then on it allows nothing (the intake's consent
 * gate reads it as refused). Only the citizen may, and the access is audited.
 */
@RestController
class ConsentController {
  record ConsentView(UUID consentId, DataCategory dataCategory, String source, String purpose, Instant givenAt,
      Instant expiresAt, Instant withdrawnAt) {}

  private final Consents consents;
  private final io.caseway.app.security.CurrentUser currentUser;
  private final io.caseway.app.audit.AuditLog audit;

  ConsentController(Consents consents, io.caseway.app.security.CurrentUser currentUser,
      io.caseway.app.audit.AuditLog audit) {
    this.consents = consents;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  @PostMapping("/api/consents/{consentId}/withdrawal")
  ConsentView withdraw(@PathVariable UUID consentId) {
    var me = currentUser.require();
    UUID citizen = consents.citizenOf(consentId);
    boolean own = citizen.equals(me.citizenId());
    audit.record(me, io.caseway.app.audit.AuditLog.Action.WRITE, "consent", consentId, citizen,
        io.caseway.app.security.Purpose.or("withdraw a consent"), own);
    if (!own) {
      throw new io.caseway.app.security.AccessDeniedProblem("Only the citizen can withdraw their consent");
    }
    Consent c = consents.withdraw(consentId);
    return new ConsentView(c.id(), c.dataCategory(), c.source(), c.purpose(), c.givenAt(), c.expiresAt().orElse(null),
        c.withdrawnAt().orElse(null));
  }
}
