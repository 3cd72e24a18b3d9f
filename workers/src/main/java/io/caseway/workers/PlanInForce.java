package io.caseway.workers;

import io.camunda.client.exception.CamundaError;

/** What the plan workers complete with: the id of the plan now in force on the case ({@code planId}). */
public record PlanInForce(String planId) {
  /** An unknown case or plan choice: retrying will not help. */
  public static final String PLAN_NOT_STARTED = "PLAN_NOT_STARTED";

  /** Puts the choice in force for a job; an unknown case or choice becomes BPMN error {@value #PLAN_NOT_STARTED}. */
  static PlanInForce putInForce(PlanChoices plans, String caseId, String planChoice, String planSummary) {
    try {
      return new PlanInForce(plans.putInForce(caseId, planChoice, planSummary));
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(PLAN_NOT_STARTED, e.getMessage());
    }
  }
}
