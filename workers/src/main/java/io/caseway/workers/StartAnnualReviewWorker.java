package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;

/**
 * Job type {@code start-annual-review}: a plan without a lasting solution is reviewed every year.
 *
 * <p>Reads {@code caseId}; completes with {@code annualReviewDue} (ISO date). An unknown case is BPMN
 * error {@value #CASE_NOT_FOUND}.
 */
public class StartAnnualReviewWorker {
  public static final String JOB_TYPE = "start-annual-review";
  public static final String CASE_NOT_FOUND = "CASE_NOT_FOUND";

  public record Input(String caseId) {}

  public record Output(String annualReviewDue) {}

  private final AnnualReviews reviews;

  public StartAnnualReviewWorker(AnnualReviews reviews) {
    this.reviews = reviews;
  }

  @JobWorker(type = JOB_TYPE)
  public Output startAnnualReview(@VariablesAsType Input input) {
    try {
      return new Output(reviews.schedule(input.caseId()).toString());
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(CASE_NOT_FOUND, e.getMessage());
    }
  }
}
