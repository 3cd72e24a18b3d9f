package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;

/**
 * Job type {@code resume-case} (try-work-protection): the job ended within the try-work period; the
 * case goes on where it was, without a new assessment.
 *
 * <p>Reads {@code caseId}; completes without variables. An unknown case is BPMN error {@value #CASE_NOT_FOUND}.
 */
public class ResumeCaseWorker {
  public static final String JOB_TYPE = "resume-case";
  public static final String CASE_NOT_FOUND = "CASE_NOT_FOUND";

  public record Input(String caseId) {}

  private final TryWork tryWork;

  public ResumeCaseWorker(TryWork tryWork) {
    this.tryWork = tryWork;
  }

  @JobWorker(type = JOB_TYPE)
  public void resumeCase(@VariablesAsType Input input) {
    try {
      tryWork.resume(input.caseId());
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(CASE_NOT_FOUND, e.getMessage());
    }
  }
}
