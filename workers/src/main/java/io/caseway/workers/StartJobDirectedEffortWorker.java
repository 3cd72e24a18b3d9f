package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;

/**
 * Job type {@code start-job-directed-effort}: puts a job-directed plan in force on the case.
 *
 * <p>Reads {@code caseId} and {@code planSummary}; completes with {@code planId}. An unknown case is
 * BPMN error {@value PlanInForce#PLAN_NOT_STARTED}.
 */
public class StartJobDirectedEffortWorker {
  public static final String JOB_TYPE = "start-job-directed-effort";

  public record Input(String caseId, String planSummary) {}

  private final PlanChoices plans;

  public StartJobDirectedEffortWorker(PlanChoices plans) {
    this.plans = plans;
  }

  @JobWorker(type = JOB_TYPE)
  public PlanInForce startJobDirectedEffort(@VariablesAsType Input input) {
    return PlanInForce.putInForce(plans, input.caseId(), "job-directed", input.planSummary());
  }
}
