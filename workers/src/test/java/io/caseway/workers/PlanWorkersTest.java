package io.caseway.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** start-job-directed-effort, start-placement and refer-early-retirement-pension. */
class PlanWorkersTest {
  private final List<String> putInForce = new ArrayList<>();
  private final PlanChoices plans = (caseId, choice, summary) -> {
    putInForce.add(caseId + "/" + choice + "/" + summary);
    return "plan-of-" + choice;
  };

  @Test
  void eachWorkerPutsItsChoiceInForceAndCompletesWithThePlanId() {
    assertThat(new StartJobDirectedEffortWorker(plans)
        .startJobDirectedEffort(new StartJobDirectedEffortWorker.Input("case-1", "Apply for warehouse jobs")))
        .isEqualTo(new PlanInForce("plan-of-job-directed"));
    assertThat(new ReferEarlyRetirementPensionWorker(plans)
        .referEarlyRetirementPension(new ReferEarlyRetirementPensionWorker.Input("case-2", null)))
        .isEqualTo(new PlanInForce("plan-of-early-retirement-pension"));
    assertThat(new StartPlacementWorker(plans)
        .startPlacement(new StartPlacementWorker.Input("case-3", "development-flex-job", "Two hours a week")))
        .isEqualTo(new PlanInForce("plan-of-development-flex-job"));

    assertThat(putInForce).containsExactly("case-1/job-directed/Apply for warehouse jobs",
        "case-2/early-retirement-pension/null", "case-3/development-flex-job/Two hours a week");
  }

  @Test
  void placementTakesOverRetrainingAndFlexJobsOnly() {
    var worker = new StartPlacementWorker(plans);

    worker.startPlacement(new StartPlacementWorker.Input("case-1", "retraining", ""));
    worker.startPlacement(new StartPlacementWorker.Input("case-1", "flex-job", ""));
    assertThatThrownBy(() -> worker.startPlacement(new StartPlacementWorker.Input("case-1", "job-directed", "")))
        .isInstanceOfSatisfying(BpmnError.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo("NOT_A_PLACEMENT");
          assertThat(e.getErrorMessage()).contains("'job-directed'");
        });

    assertThat(putInForce).containsExactly("case-1/retraining/", "case-1/flex-job/");
  }

  @Test
  void anUnknownCaseIsTheBpmnErrorPlanNotStartedAndATechnicalFailureIsRetried() {
    PlanChoices unknown = (caseId, choice, summary) -> {
      throw new InvalidReferralException("No case with id '" + caseId + "'");
    };
    PlanChoices down = (caseId, choice, summary) -> {
      throw new IllegalStateException("database unavailable");
    };

    assertThatThrownBy(() -> new StartJobDirectedEffortWorker(unknown)
        .startJobDirectedEffort(new StartJobDirectedEffortWorker.Input("case-9", null)))
        .isInstanceOfSatisfying(BpmnError.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo("PLAN_NOT_STARTED");
          assertThat(e.getErrorMessage()).isEqualTo("No case with id 'case-9'");
        });
    assertThatThrownBy(() -> new ReferEarlyRetirementPensionWorker(down)
        .referEarlyRetirementPension(new ReferEarlyRetirementPensionWorker.Input("case-1", null)))
        .isInstanceOf(IllegalStateException.class);
  }
}
