package io.caseway.app.plan;

import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.shared.ETags;
import io.caseway.app.shared.Problems.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Drafts plans and puts them in force; a case has at most one plan in force. */
@Service
@Transactional
public class Plans {
  /** Plans that placement (Journeys II) takes over once they are in force. */
  public static final Set<Plan.Type> PLACEMENT_TYPES =
      Set.of(Plan.Type.RETRAINING, Plan.Type.FLEX_JOB, Plan.Type.DEVELOPMENT_FLEX_JOB);

  private final PlanRepository plans;
  private final CaseFiles cases;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Plans(PlanRepository plans, CaseFiles cases, ApplicationEventPublisher events, Clock clock) {
    this.plans = plans;
    this.events = events;
    this.cases = cases;
    this.clock = clock;
  }

  public Plan draft(UUID caseId, Plan.Type type, List<PlanItem> items) {
    cases.get(caseId);
    try {
      return plans.save(new Plan(caseId, type, items, clock.instant()));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("items", e.getMessage());
    }
  }

  /** Puts a draft in force, replacing the plan in force before it (one transaction). */
  public Plan activate(UUID planId, long version) {
    Plan plan = plans.findById(planId).orElseThrow(() -> ProblemException.notFound("No plan with id " + planId));
    ETags.requireVersion(Plan.class, planId, plan.version(), version);
    Instant now = clock.instant();
    try {
      plans.findByCaseIdAndStatus(plan.caseId(), Plan.Status.ACTIVE).ifPresent(previous -> previous.replace(now));
      plans.flush();
      plan.activate(now);
    } catch (IllegalStateException e) {
      throw ProblemException.conflict(e.getMessage());
    }
    plans.flush();
    events.publishEvent(new PlanPutInForce(plan.id(), plan.caseId(), plan.type(), false, now));
    return plan;
  }

  /** The case a plan belongs to, for the access check before anything is changed. */
  @org.springframework.transaction.annotation.Transactional(readOnly = true)
  public UUID caseOfPlan(UUID planId) {
    return plans.findById(planId).map(Plan::caseId)
        .orElseThrow(() -> io.caseway.app.shared.Problems.ProblemException.notFound("No plan with id " + planId));
  }

  @Transactional(readOnly = true)
  public List<Plan> ofCase(UUID caseId) {
    cases.get(caseId);
    return plans.findByCaseIdOrderByCreatedAtDesc(caseId);
  }

  /** The case's plan in force, if it has one; placement picks up cases whose plan is one of {@link #PLACEMENT_TYPES}. */
  @Transactional(readOnly = true)
  public Optional<Plan> inForce(UUID caseId) {
    cases.get(caseId);
    return plans.findByCaseIdAndStatus(caseId, Plan.Status.ACTIVE);
  }
}
