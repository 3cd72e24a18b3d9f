package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;
import java.util.Set;

/**
 * Job type {@code start-placement}: hands a case over to placement by putting the chosen plan
 * (retraining, flex job or development flex job) in force; placement (Journeys II) picks up cases
 * whose plan in force is one of these.
 *
 * <p>Reads {@code caseId}, {@code planChoice} and {@code planSummary}; completes with {@code planId}.
 * Another choice is BPMN error {@value #NOT_A_PLACEMENT}; an unknown case is
 * {@value PlanInForce#PLAN_NOT_STARTED}.
 */
public class StartPlacementWorker {
  public static final String JOB_TYPE = "start-placement";
  public static final String NOT_A_PLACEMENT = "NOT_A_PLACEMENT";
  static final Set<String> PLACEMENT_CHOICES = Set.of("retraining", "flex-job", "development-flex-job");

  public record Input(String caseId, String planChoice, String planSummary) {}

  private final PlanChoices plans;

  public StartPlacementWorker(PlanChoices plans) {
    this.plans = plans;
  }

  @JobWorker(type = JOB_TYPE)
  public PlanInForce startPlacement(@VariablesAsType Input input) {
    if (!PLACEMENT_CHOICES.contains(input.planChoice())) {
      throw CamundaError.bpmnError(NOT_A_PLACEMENT, "Placement takes over retraining, a flex job or a development"
          + " flex job, not '" + input.planChoice() + "'");
    }
    return PlanInForce.putInForce(plans, input.caseId(), input.planChoice(), input.planSummary());
  }
}
