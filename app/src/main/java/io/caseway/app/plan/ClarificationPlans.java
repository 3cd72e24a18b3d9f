package io.caseway.app.plan;

import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.shared.PlanChoice;
import io.caseway.workers.InvalidReferralException;
import io.caseway.workers.PlanChoices;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan agreed in the clarification guarantee, put in force on the case: a plan of the chosen
 * type whose goal is what was agreed with the citizen, replacing the plan in force before it. A
 * retraining, flex-job or development flex-job plan carries the step placement takes over.
 */
@Service
class ClarificationPlans implements PlanChoices {
  private static final int DESCRIPTION_LENGTH = 500;

  private final PlanRepository plans;
  private final CaseFiles cases;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ClarificationPlans(PlanRepository plans, CaseFiles cases, ApplicationEventPublisher events, Clock clock) {
    this.plans = plans;
    this.events = events;
    this.cases = cases;
    this.clock = clock;
  }

  /** Idempotent: a plan of that type already in force is kept (a second active plan is refused by the database). */
  @Override
  @Transactional
  public String putInForce(String caseId, String planChoice, String planSummary) {
    UUID theCase = cases.forJob(caseId).caseId();
    Plan.Type type;
    try {
      type = type(PlanChoice.fromProcessValue(planChoice));
    } catch (IllegalArgumentException e) {
      throw new InvalidReferralException("No plan for this choice: " + e.getMessage());
    }
    Optional<Plan> inForce = plans.findByCaseIdAndStatus(theCase, Plan.Status.ACTIVE);
    if (inForce.isPresent() && inForce.get().type() == type) {
      return inForce.get().id().toString();
    }
    Instant now = clock.instant();
    inForce.ifPresent(previous -> previous.replace(now));
    plans.flush();
    Plan plan = new Plan(theCase, type, items(type, planSummary), now);
    plan.activate(now);
    plans.saveAndFlush(plan);
    events.publishEvent(new PlanPutInForce(plan.id(), theCase, type, true, now));
    return plan.id().toString();
  }

  private static Plan.Type type(PlanChoice choice) {
    return switch (choice) {
      case JOB_DIRECTED -> Plan.Type.JOB_DIRECTED;
      case INTERDISCIPLINARY_UNIT -> Plan.Type.INTERDISCIPLINARY;
      case RETRAINING -> Plan.Type.RETRAINING;
      case FLEX_JOB -> Plan.Type.FLEX_JOB;
      case DEVELOPMENT_FLEX_JOB -> Plan.Type.DEVELOPMENT_FLEX_JOB;
      case EARLY_RETIREMENT_PENSION -> Plan.Type.EARLY_RETIREMENT_PENSION;
    };
  }

  private static List<PlanItem> items(Plan.Type type, String planSummary) {
    List<PlanItem> items = new ArrayList<>();
    String goal = planSummary == null || planSummary.isBlank() ? defaultGoal(type) : planSummary.strip();
    items.add(new PlanItem(PlanItem.Kind.GOAL, shorten(goal), null));
    if (Plans.PLACEMENT_TYPES.contains(type)) {
      items.add(new PlanItem(PlanItem.Kind.STEP, "Placement finds an employer and a job that fits ("
          + type.name().toLowerCase().replace('_', ' ') + ")", null));
    }
    return items;
  }

  private static String defaultGoal(Plan.Type type) {
    return switch (type) {
      case JOB_DIRECTED -> "Find work with a job-directed effort";
      case INTERDISCIPLINARY -> "Work on what stands in the way of work, with the interdisciplinary unit";
      case RETRAINING -> "Retrain for work that fits";
      case FLEX_JOB -> "Work in a flex job";
      case DEVELOPMENT_FLEX_JOB -> "Work a few hours a week in a development flex job while the clarification goes on";
      case EARLY_RETIREMENT_PENSION -> "Apply for early-retirement pension";
    };
  }

  private static String shorten(String text) {
    return text.length() <= DESCRIPTION_LENGTH ? text : text.substring(0, DESCRIPTION_LENGTH - 1) + "…";
  }
}
