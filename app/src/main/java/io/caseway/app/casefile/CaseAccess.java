package io.caseway.app.casefile;

import io.caseway.app.audit.AuditLog;
import io.caseway.app.security.AccessDeniedProblem;
import io.caseway.app.security.CasewayUser;
import io.caseway.app.security.CurrentUser;
import io.caseway.app.shared.Problems.ProblemException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the signed-in user may do something with a case, decided and audited in one place. The
 * assigned caseworker may do everything; someone the case is shared with (a colleague, a
 * roundtable's health coordinator) may read it and its health data but not change the case; the
 * citizen may read their own case, health data and notes; a manager may read the case's facts (and
 * change a case no caseworker has yet) but never its health data or confidential notes. Every decision, allowed or refused, is written to
 * the access log with the purpose the caller gives.
 */
@Component
public class CaseAccess {
  /** What the caller wants from the case. */
  public enum Need {
    /** The case's facts: status, track, caseworker, deadlines, plan, placements. */
    READ,
    /** A change to the case or its records that is not health data. */
    CHANGE,
    /** Reading or recording health data: self-assessments, roundtable meetings and minutes. */
    HEALTH,
    /** Reading confidential journal notes. */
    CONFIDENTIAL
  }

  private final CaseFileRepository cases;
  private final CaseAccessGrantRepository grants;
  private final CurrentUser currentUser;
  private final AuditLog audit;
  private final Clock clock;

  CaseAccess(CaseFileRepository cases, CaseAccessGrantRepository grants, CurrentUser currentUser, AuditLog audit,
      Clock clock) {
    this.cases = cases;
    this.grants = grants;
    this.currentUser = currentUser;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The case, when the user may have what they need from it (audited); else 403 (audited too) or
   * 404. Not transactional itself: the audit entry commits on its own, and no connection is held
   * while it waits its turn in the chain.
   */
  public CaseFile require(UUID caseId, Need need, AuditLog.Action action, String recordType, Object recordId,
      String purpose) {
    CasewayUser user = currentUser.require();
    CaseFile c = cases.findById(caseId).orElseThrow(() -> ProblemException.notFound("No case with id " + caseId));
    boolean allowed = allows(user, c, need);
    audit.record(user, action, recordType, recordId == null ? caseId : recordId, c.citizenId(), purpose, allowed);
    if (!allowed) {
      throw new AccessDeniedProblem("As " + user.role().name().toLowerCase().replace('_', ' ') + " you may not "
          + describe(need) + " case " + caseId);
    }
    return c;
  }

  public CaseFile require(UUID caseId, Need need, AuditLog.Action action, String purpose) {
    return require(caseId, need, action, "case", caseId, purpose);
  }

  /** Whether the user may have what they need from the case (no audit: for lists already filtered by the rules). */
  public boolean allows(CasewayUser user, CaseFile c, Need need) {
    boolean assigned = user.role().isCaseworker() && user.caseworkerId() != null
        && c.caseworkerId().map(user.caseworkerId()::equals).orElse(false);
    if (assigned) {
      return true;
    }
    boolean shared = grants.existsById(new CaseAccessGrant.Id(c.id(), user.username()));
    return switch (user.role()) {
      case COACH, SOCIAL_WORKER, HEALTH_COORDINATOR -> shared && need != Need.CHANGE;
      case CITIZEN -> c.citizenId().equals(user.citizenId()) && need != Need.CHANGE;
      // a case nobody is assigned to yet (waiting for a coach) is the managers' to look after
      case MANAGER -> need == Need.READ || (need == Need.CHANGE && c.caseworkerId().isEmpty());
      case HEALTH_PARTNER, PROCESS_OWNER -> false;
    };
  }

  /** The cases shared with the signed-in user (a colleague's, or a roundtable's they take part in). */
  @Transactional(readOnly = true)
  public java.util.List<UUID> sharedWithMe() {
    return grants.caseIdsSharedWith(currentUser.require().username());
  }

  /** Shares the case with someone; only its caseworker may. Sharing again keeps the first grant. */
  @Transactional
  public void share(UUID caseId, String username, String reason) {
    CaseFile c = require(caseId, Need.CHANGE, AuditLog.Action.WRITE, "case-share", username, "share the case: " + reason);
    if (!grants.existsById(new CaseAccessGrant.Id(c.id(), username))) {
      grants.save(new CaseAccessGrant(c.id(), username, reason, currentUser.require().username(), clock.instant()));
    }
  }

  private static String describe(Need need) {
    return switch (need) {
      case READ -> "read";
      case CHANGE -> "change";
      case HEALTH -> "see or record health data of";
      case CONFIDENTIAL -> "read confidential notes of";
    };
  }
}
