package io.caseway.app.audit;

import io.caseway.app.security.AccessDeniedProblem;
import io.caseway.app.security.CasewayUser;
import io.caseway.app.security.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A citizen's own access log, and the chain check for managers (which shows no personal data). */
@RestController
class AuditController {
  /** One access to the citizen's records, as the citizen sees it. */
  record Access(Instant at, String who, String role, String action, String record, String purpose, boolean allowed) {}

  private final AuditLog log;
  private final CurrentUser currentUser;

  AuditController(AuditLog log, CurrentUser currentUser) {
    this.log = log;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/citizens/{citizenId}/access-log")
  List<Access> accessLog(@PathVariable UUID citizenId) {
    CasewayUser me = currentUser.require();
    if (!citizenId.equals(me.citizenId())) {
      log.record(me, AuditLog.Action.READ, "access-log", citizenId, citizenId, "read another citizen's access log",
          false);
      throw new AccessDeniedProblem("You can read your own access log only");
    }
    return log.ofCitizen(citizenId).stream()
        .map(e -> new Access(e.at(), e.actor(), e.actorRole(), e.action(), e.recordType()
            + (e.recordId() == null ? "" : " " + e.recordId()), e.purpose(), e.allowed()))
        .toList();
  }

  @GetMapping("/api/audit/verification")
  AuditLog.Verification verify() {
    return log.verify();
  }
}
