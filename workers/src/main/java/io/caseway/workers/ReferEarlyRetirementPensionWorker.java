package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;

/**
 * Job type {@code refer-early-retirement-pension}: puts the plan of a referral for early-retirement
 * pension in force on the case.
 *
 * <p>Reads {@code caseId} and {@code planSummary}; completes with {@code planId}. An unknown case is
 * BPMN error {@value PlanInForce#PLAN_NOT_STARTED}.
 */
public class ReferEarlyRetirementPensionWorker {
  public static final String JOB_TYPE = "refer-early-retirement-pension";

  public record Input(String caseId, String planSummary) {}

  private final PlanChoices plans;

  public ReferEarlyRetirementPensionWorker(PlanChoices plans) {
    this.plans = plans;
  }

  @JobWorker(type = JOB_TYPE)
  public PlanInForce referEarlyRetirementPension(@VariablesAsType Input input) {
    return PlanInForce.putInForce(plans, input.caseId(), "early-retirement-pension", input.planSummary());
  }
}
