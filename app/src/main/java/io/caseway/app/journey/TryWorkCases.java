package io.caseway.app.journey;

import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.casefile.CaseView;
import io.caseway.app.casefile.LastingSolution;
import io.caseway.app.notification.Notification;
import io.caseway.app.notification.Notifications;
import io.caseway.app.placement.Placement;
import io.caseway.app.placement.Placements;
import io.caseway.workers.InvalidReferralException;
import io.caseway.workers.TryWork;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trying work without fear, on the case: the re-assessment waits while the citizen tries a job; if
 * the job ends within the period the case goes on where it was; after the whole period in work the
 * case closes with a lasting solution (a flex job, or ordinary work). The coach is told both ends,
 * in plain words and without health details.
 */
@Service
@Transactional
class TryWorkCases implements TryWork {
  static final String LASTING_SOLUTION = "lasting-solution";

  private final CaseFiles cases;
  private final Placements placements;
  private final Notifications notifications;

  TryWorkCases(CaseFiles cases, Placements placements, Notifications notifications) {
    this.cases = cases;
    this.placements = placements;
    this.notifications = notifications;
  }

  @Override
  public void suspendReassessment(String caseId, LocalDate jobStartDate) {
    cases.startTryingWork(caseId, jobStartDate);
  }

  @Override
  public void resume(String caseId) {
    CaseView c = cases.stopTryingWork(caseId);
    notifications.toCoach(c, Notification.Kind.TRY_WORK, "resumed",
        "The job ended within the try-work period. The case goes on where it was: the same plan and deadlines,"
            + " and no new assessment.");
  }

  @Override
  public void close(String caseId, String closingReason) {
    if (!LASTING_SOLUTION.equals(closingReason)) {
      throw new InvalidReferralException("'" + closingReason + "' is not a closing reason (lasting-solution)");
    }
    CaseView c = cases.forJob(caseId);
    boolean flexJob = placements.ofCase(c.caseId()).stream()
        .filter(p -> p.kind().countsAsWork())
        .findFirst()
        .map(p -> p.kind() == Placement.Kind.FLEX_JOB)
        .orElse(false);
    CaseView closed = cases.closeForJob(caseId, flexJob ? LastingSolution.FLEX_JOB : LastingSolution.ORDINARY_WORK);
    notifications.toCoach(closed, Notification.Kind.TRY_WORK, "closed",
        "The citizen has been in work for the whole try-work period. The case is closed with a lasting solution ("
            + (flexJob ? "a flex job" : "work") + ").");
  }
}
