package io.caseway.app.journey;

import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.casefile.CaseView;
import io.caseway.app.outcome.LastingSolutionRecorded;
import io.caseway.app.placement.Placement;
import io.caseway.app.placement.PlacementEvents;
import io.caseway.app.plan.Plan;
import io.caseway.app.plan.PlanPutInForce;
import io.caseway.app.policy.Policy;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** What in the case file starts or moves a Journeys II process (see the package documentation). */
@Component
class JourneyTriggers {
  static final String FLEX_JOB_PLACEMENT = "flex-job-placement";

  private final CaseFiles cases;
  private final Policy policy;
  private final JourneyEngine engine;

  JourneyTriggers(CaseFiles cases, Policy policy, JourneyEngine engine) {
    this.cases = cases;
    this.policy = policy;
    this.engine = engine;
  }

  @EventListener
  void onPlanPutInForce(PlanPutInForce plan) {
    CaseView c = cases.get(plan.caseId());
    if (plan.type() == Plan.Type.FLEX_JOB) {
      LocalDate today = LocalDate.ofInstant(plan.at(), ZoneOffset.UTC);
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put("caseId", c.caseId().toString());
      vars.put("flexJobGrantPeriod", rule(c, "flex-job.grant-period", today));
      vars.put("flexJobFollowUpInterval", rule(c, "flex-job.follow-up-interval", today));
      vars.put("flexJobStatusOffset", rule(c, "flex-job.status-offset", today));
      vars.put("firstSustainmentMilestone", rule(c, "placement.first-sustainment-milestone", today));
      vars.put("secondSustainmentMilestone", rule(c, "placement.second-sustainment-milestone", today));
      engine.startAfterCommit(FLEX_JOB_PLACEMENT, vars);
    }
    if (plan.agreedInClarification()) {
      // a development flex job beside the clarification ends with it
      engine.publishAfterCommit("clarification-ended", c.caseId().toString(), "clarification-ended:" + c.caseId(),
          Map.of(), Duration.ZERO);
    }
  }

  @EventListener
  void onPlacementStarted(PlacementEvents.Started started) {
    CaseView c = cases.get(started.caseId());
    if (started.kind().countsAsWork() && c.benefitType() != null) {
      engine.publishAfterCommit("job-started", c.caseId().toString(), "job-started:" + started.placementId(),
          Map.of("caseId", c.caseId().toString(), "jobStartDate", started.on().toString(),
              "tryWorkPeriod", rule(c, "try-work.period", started.on())), null);
    }
  }

  @EventListener
  void onPlacementEnded(PlacementEvents.Ended ended) {
    if (!ended.kind().countsAsWork()) {
      return;
    }
    String caseId = ended.caseId().toString();
    // only a journey waiting now hears it: a job that ended is not news to a later wait
    engine.publishAfterCommit("job-ended", caseId, "job-ended:" + ended.placementId(), Map.of(), Duration.ZERO);
    if (ended.kind() == Placement.Kind.FLEX_JOB) {
      engine.publishAfterCommit("flex-job-ended", caseId, "flex-job-ended:" + ended.placementId(), Map.of(),
          Duration.ZERO);
    }
  }

  @EventListener
  void onLastingSolution(LastingSolutionRecorded recorded) {
    engine.publishAfterCommit("lasting-solution-recorded", recorded.caseId().toString(),
        "lasting-solution-recorded:" + recorded.caseId(), Map.of(), Duration.ZERO);
  }

  private String rule(CaseView c, String key, LocalDate on) {
    return policy.value(c.ruleSet(), key, on).strip();
  }
}
