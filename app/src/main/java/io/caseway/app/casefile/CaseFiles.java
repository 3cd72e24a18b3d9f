package io.caseway.app.casefile;

import io.caseway.app.shared.JobIds;
import io.caseway.app.consent.Consents;
import io.caseway.app.policy.Policy;
import io.caseway.app.referral.Referral;
import io.caseway.app.referral.Referrals;
import io.caseway.app.shared.Problems.ProblemException;
import io.caseway.workers.CaseOpening;
import io.caseway.workers.InvalidReferralException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens, reads and changes case files. */
@Service
public class CaseFiles implements CaseOpening {
  private final CaseFileRepository cases;
  private final Referrals referrals;
  private final Consents consents;
  private final Policy policy;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final jakarta.persistence.EntityManager entityManager;

  CaseFiles(CaseFileRepository cases, Referrals referrals, Consents consents, Policy policy,
      ApplicationEventPublisher events, Clock clock, jakarta.persistence.EntityManager entityManager) {
    this.entityManager = entityManager;
    this.cases = cases;
    this.referrals = referrals;
    this.consents = consents;
    this.policy = policy;
    this.events = events;
    this.clock = clock;
  }

  /** For the intake process: the referral's case, opened once under the current rule set. */
  @Override
  @Transactional
  public String openCase(String referralId, String track) {
    Referral referral = referrals.find(JobIds.parse(referralId, "a referral id"))
        .orElseThrow(() -> new InvalidReferralException("No referral with id '" + referralId + "'"));
    Track chosen;
    try {
      chosen = Track.fromProcessValue(track);
    } catch (IllegalArgumentException e) {
      throw new InvalidReferralException(e.getMessage());
    }
    return cases.findByReferralId(referral.id())
        .orElseGet(() -> {
          CaseFile opened = new CaseFile(referral.citizenId(), referral.id(), policy.currentRuleSet(), chosen,
              clock.instant());
          // the benefit the partner named: the clarification deadline runs from its start
          referral.benefitStartDate().ifPresent(start -> opened.recordBenefit(referral.benefitType().orElse("unknown"),
              start, policy.period(opened.ruleSet(), "clarification.max-duration", start)));
          cases.saveAndFlush(opened);
          consents.attachReferralConsentsToCase(referral.id(), opened.id());
          return opened;
        })
        .id().toString();
  }

  /** One page of a search: the items, and whether more follow (no total: counting a large result costs more than the page). */
  public record CasePage(java.util.List<CaseView> items, int page, int size, boolean hasMore) {}

  /**
   * Cases matching the search, soonest clarification deadline first (cases without one last, as
   * PostgreSQL sorts nulls in ascending order), then by opening time and id.
   */
  @Transactional(readOnly = true)
  public CasePage search(CaseSearch search, int page, int size) {
    var cb = entityManager.getCriteriaBuilder();
    var query = cb.createQuery(CaseFile.class);
    var root = query.from(CaseFile.class);
    query.where(search.specification().toPredicate(root, query, cb));
    query.orderBy(cb.asc(root.get("clarificationDeadline")), cb.asc(root.get("openedAt")), cb.asc(root.get("id")));
    java.util.List<CaseFile> found = entityManager.createQuery(query)
        .setFirstResult(page * size)
        .setMaxResults(size + 1)
        .getResultList();
    boolean more = found.size() > size;
    return new CasePage(found.stream().limit(size).map(CaseView::of).toList(), page, size, more);
  }

  /** For a worker: the case a job names; an unknown or malformed id is a business failure (a BPMN error). */
  @Transactional(readOnly = true)
  public CaseView forJob(String caseId) {
    return CaseView.of(loadForJob(caseId));
  }

  @Transactional(readOnly = true)
  public CaseView get(UUID caseId) {
    return CaseView.of(load(caseId));
  }

  /** Records the benefit; refuses a stale version (someone changed the case since it was read). */
  @Transactional
  public CaseView recordBenefit(UUID caseId, long expectedVersion, String benefitType, LocalDate startDate) {
    CaseFile c = load(caseId);
    requireVersion(c, expectedVersion);
    guard(() -> c.recordBenefit(benefitType, startDate,
        policy.period(c.ruleSet(), "clarification.max-duration", startDate)));
    cases.flush();
    return CaseView.of(c);
  }

  @Transactional
  public CaseView close(UUID caseId, long expectedVersion, LastingSolution solution) {
    CaseFile c = load(caseId);
    requireVersion(c, expectedVersion);
    UUID caseworker = c.caseworkerId().orElse(null);
    guard(() -> c.close(solution, clock.instant()));
    events.publishEvent(new CaseClosed(c.id(), c.track(), caseworker, solution, c.closedAt().orElseThrow()));
    cases.flush();
    return CaseView.of(c);
  }

  /** For try-work-protection: the case is trying work from {@code jobStart}; its re-assessment waits. */
  @Transactional
  public CaseView startTryingWork(String caseId, LocalDate jobStart) {
    CaseFile c = loadForJob(caseId);
    if (c.status() != CaseStatus.CLOSED) {
      c.startTryingWork(jobStart);
    }
    return CaseView.of(c);
  }

  /** For try-work-protection: the job ended within the period; the case goes on as it was. */
  @Transactional
  public CaseView stopTryingWork(String caseId) {
    CaseFile c = loadForJob(caseId);
    c.stopTryingWork();
    return CaseView.of(c);
  }

  /** For a journey: closes the case with its lasting solution; a closed case stays as it was closed. */
  @Transactional
  public CaseView closeForJob(String caseId, LastingSolution solution) {
    CaseFile c = loadForJob(caseId);
    if (c.status() != CaseStatus.CLOSED) {
      UUID caseworker = c.caseworkerId().orElse(null);
      c.stopTryingWork();
      c.close(solution, clock.instant());
      events.publishEvent(new CaseClosed(c.id(), c.track(), caseworker, solution, c.closedAt().orElseThrow()));
      cases.flush();
    }
    return CaseView.of(c);
  }

  private CaseFile loadForJob(String caseId) {
    return cases.findById(JobIds.parse(caseId, "a case id"))
        .orElseThrow(() -> new InvalidReferralException("No case with id '" + caseId + "'"));
  }

  private CaseFile load(UUID caseId) {
    return cases.findById(caseId).orElseThrow(() -> ProblemException.notFound("No case with id " + caseId));
  }

  private static void requireVersion(CaseFile c, long expected) {
    io.caseway.app.shared.ETags.requireVersion(CaseFile.class, c.id(), c.version(), expected);
  }

  private static void guard(Runnable transition) {
    try {
      transition.run();
    } catch (IllegalStateException e) {
      throw ProblemException.conflict(e.getMessage());
    }
  }

}
