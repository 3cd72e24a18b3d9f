package io.caseway.app.caseload;

import io.caseway.app.casefile.CaseClosed;
import io.caseway.app.casefile.CaseFile;
import io.caseway.app.casefile.CaseFileRepository;
import io.caseway.app.casefile.Track;
import io.caseway.app.policy.Policy;
import io.caseway.app.shared.JobIds;
import io.caseway.workers.CoachCandidates;
import io.caseway.workers.CoachPlaces;
import io.caseway.workers.InvalidReferralException;
import io.caseway.workers.WaitingList;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assignment of cases to caseworkers, for the intake journey: proposes the least loaded caseworker
 * with the qualification the case's track needs (policy {@code caseload.requires-social-work.<TRACK>}),
 * takes a place under their cap, and keeps the waiting list. The cap holds under concurrent
 * assignments: a place is taken by a conditional update that the database applies only below the
 * cap. Whether a proposed caseworker may take the case is the process's caseload-cap decision.
 */
@Service
public class Assignments implements CoachCandidates, CoachPlaces, WaitingList {
  private final CaseFileRepository cases;
  private final CaseloadRepository caseloads;
  private final CaseworkerRepository caseworkers;
  private final WaitingListRepository waitingList;
  private final Policy policy;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Assignments(CaseFileRepository cases, CaseloadRepository caseloads, CaseworkerRepository caseworkers,
      WaitingListRepository waitingList, Policy policy, ApplicationEventPublisher events, Clock clock) {
    this.cases = cases;
    this.caseloads = caseloads;
    this.caseworkers = caseworkers;
    this.waitingList = waitingList;
    this.policy = policy;
    this.events = events;
    this.clock = clock;
  }

  /** A case already assigned proposes its caseworker again, so that a repeated job changes nothing. */
  @Override
  @Transactional(readOnly = true)
  public Optional<Candidate> propose(String caseId, String track) {
    CaseFile c = load(caseId);
    if (c.caseworkerId().isPresent()) {
      UUID assigned = c.caseworkerId().get();
      Caseload load = caseloads.findById(new Caseload.Id(assigned, c.track())).orElseThrow();
      return Optional.of(candidate(load));
    }
    return caseloads.leastLoaded(c.track(), needsSocialWork(c), Limit.of(1)).stream().findFirst().map(this::candidate);
  }

  private Candidate candidate(Caseload load) {
    boolean qualified = caseworkers.findById(load.caseworkerId()).map(Caseworker::socialWorkQualified).orElse(false);
    return new Candidate(load.caseworkerId().toString(), load.activeCount(), load.cap(), qualified);
  }

  /** Idempotent: taking the place a case already holds with that caseworker answers true without a second place. */
  @Override
  @Transactional
  public boolean take(String caseId, String caseworkerId) {
    CaseFile c = cases.lockById(JobIds.parse(caseId, "a case id"))
        .orElseThrow(() -> new InvalidReferralException("No case with id '" + caseId + "'"));
    UUID caseworker = JobIds.parse(caseworkerId, "a caseworker id");
    if (c.caseworkerId().isPresent()) {
      return c.caseworkerId().get().equals(caseworker);
    }
    if (!caseworkers.existsById(caseworker)) {
      throw new InvalidReferralException("No caseworker with id '" + caseworkerId + "'");
    }
    if (caseloads.takePlace(caseworker, c.track()) != 1) {
      return false; // their last place went to another case meanwhile
    }
    c.assignTo(caseworker, clock.instant());
    waitingList.deleteById(c.id());
    return true;
  }

  /** Idempotent: a case that already waits keeps its place in the queue. */
  @Override
  @Transactional
  public Instant place(String caseId, String track) {
    CaseFile c = load(caseId);
    return waitingList.findById(c.id())
        .orElseGet(() -> waitingList.save(new WaitingListEntry(c.id(), c.track(), needsSocialWork(c), clock.instant())))
        .waitingSince();
  }

  /** A closed case frees its caseworker's place on that track, which the longest-waiting case on it is offered. */
  @EventListener
  void onCaseClosed(CaseClosed closed) {
    if (closed.caseworkerId() != null) {
      caseloads.freePlace(closed.caseworkerId(), closed.track());
      offerPlace(closed.track());
    }
    waitingList.deleteById(closed.caseId());
  }

  /** Tells the longest-waiting case on the track (after this transaction commits) that a place may be free. */
  void offerPlace(Track track) {
    waitingList.findFirstByTrackOrderByWaitingSinceAsc(track)
        .ifPresent(entry -> events.publishEvent(new PlaceOffered(entry.caseId())));
  }

  private CaseFile load(String caseId) {
    return cases.findById(JobIds.parse(caseId, "a case id"))
        .orElseThrow(() -> new InvalidReferralException("No case with id '" + caseId + "'"));
  }

  private boolean needsSocialWork(CaseFile c) {
    return policy.flag(c.ruleSet(), "caseload.requires-social-work." + c.track().name(),
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
  }
}
