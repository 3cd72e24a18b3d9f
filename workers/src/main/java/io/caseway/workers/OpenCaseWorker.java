package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;

/**
 * Job type {@code open-case}: opens the case file of a referral on the track the triage chose.
 *
 * <p>Reads {@code referralId} and {@code track}; completes with {@code caseId}. An unknown referral
 * or track is BPMN error {@value #CASE_NOT_OPENED}.
 */
public class OpenCaseWorker {
  public static final String JOB_TYPE = "open-case";
  public static final String CASE_NOT_OPENED = "CASE_NOT_OPENED";

  public record Input(String referralId, String track) {}

  public record Output(String caseId) {}

  private final CaseOpening opening;

  public OpenCaseWorker(CaseOpening opening) {
    this.opening = opening;
  }

  @JobWorker(type = JOB_TYPE)
  public Output openCase(@VariablesAsType Input input) {
    try {
      return new Output(opening.openCase(input.referralId(), input.track()));
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(CASE_NOT_OPENED, e.getMessage());
    }
  }
}
