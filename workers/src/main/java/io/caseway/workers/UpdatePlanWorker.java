package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;

/**
 * Job type {@code update-plan} (annual-review): records the review held with the citizen on the case.
 *
 * <p>Reads {@code caseId}, {@code reviewDate} (ISO date), {@code reviewOutcome} and {@code planUpdate};
 * completes without variables (the model takes {@code reviewDate} as the new {@code lastAssessmentDate}).
 * An unknown case or a review date that is not a date is BPMN error {@value #REVIEW_NOT_RECORDED}.
 */
public class UpdatePlanWorker {
  public static final String JOB_TYPE = "update-plan";
  public static final String REVIEW_NOT_RECORDED = "REVIEW_NOT_RECORDED";

  public record Input(String caseId, String reviewDate, String reviewOutcome, String planUpdate) {}

  private final PlanReviews reviews;

  public UpdatePlanWorker(PlanReviews reviews) {
    this.reviews = reviews;
  }

  @JobWorker(type = JOB_TYPE)
  public void updatePlan(@VariablesAsType Input input) {
    try {
      reviews.recordReview(input.caseId(), JobDates.parse(input.reviewDate(), "reviewDate"), input.reviewOutcome(),
          input.planUpdate());
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(REVIEW_NOT_RECORDED, e.getMessage());
    }
  }
}
