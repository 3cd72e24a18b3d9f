package io.caseway.app.caseload;

import io.caseway.app.shared.JobIds;
import io.caseway.app.casefile.CaseClosed;
import io.caseway.app.casefile.CaseFile;
import io.caseway.app.casefile.CaseFileRepository;
import io.caseway.app.casefile.CaseStatus;
import io.caseway.app.policy.Policy;
import io.caseway.workers.CoachAssignment;
import io.caseway.workers.InvalidReferralException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigns cases to caseworkers with room under their cap for the case's track and the education
 * the track needs (policy {@code caseload.requires-social-work.<TRACK>}), least loaded first; puts
 * the case on the waiting list when nobody has room. The cap holds under concurrent assignments: a
 * place is taken by a conditional update that the database applies only below the cap.
 */
@Service
public class Assignments implements CoachAssignment {
  private final CaseFileRepository cases;
  private final CaseloadRepository caseloads;
  private final WaitingListRepository waitingList;
  private final Policy policy;
  private final Clock clock;

  Assignments(CaseFileRepository cases, CaseloadRepository caseloads, WaitingListRepository waitingList, Policy policy,
      Clock clock) {
    this.cases = cases;
    this.caseloads = caseloads;
    this.waitingList = waitingList;
    this.policy = policy;
    this.clock = clock;
  }

  /** For the intake process: idempotent, a case keeps the caseworker or the waiting place it got. */
  @Override
  @Transactional
  public Outcome assign(String caseId) {
    CaseFile c = cases.lockById(JobIds.parse(caseId, "a case id"))
        .orElseThrow(() -> new InvalidReferralException("No case with id '" + caseId + "'"));
    if (c.caseworkerId().isPresent()) {
      return new Outcome(true, c.caseworkerId().get().toString());
    }
    if (c.status() != CaseStatus.AWAITING_COACH || waitingList.existsById(c.id())) {
      return new Outcome(false, null);
    }
    Instant now = clock.instant();
    boolean socialWork = policy.flag(c.ruleSet(), "caseload.requires-social-work." + c.track().name(),
        LocalDate.ofInstant(now, ZoneOffset.UTC));
    for (UUID candidate : caseloads.candidates(c.track(), socialWork)) {
      if (caseloads.takePlace(candidate, c.track()) == 1) {
        c.assignTo(candidate, now);
        return new Outcome(true, candidate.toString());
      }
    }
    waitingList.save(new WaitingListEntry(c.id(), c.track(), socialWork, now));
    return new Outcome(false, null);
  }

  /** A closed case frees its caseworker's place on that track. */
  @EventListener
  void onCaseClosed(CaseClosed closed) {
    if (closed.caseworkerId() != null) {
      caseloads.freePlace(closed.caseworkerId(), closed.track());
    }
    waitingList.deleteById(closed.caseId());
  }

}
