package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;

/**
 * Job type {@code suspend-reassessment} (try-work-protection): starting work triggers no benefit
 * re-assessment; the case is marked as trying work from {@code jobStartDate}.
 *
 * <p>Reads {@code caseId} and {@code jobStartDate}; completes without variables. An unknown case is
 * BPMN error {@value #CASE_NOT_FOUND}.
 */
public class SuspendReassessmentWorker {
  public static final String JOB_TYPE = "suspend-reassessment";
  public static final String CASE_NOT_FOUND = "CASE_NOT_FOUND";

  public record Input(String caseId, String jobStartDate) {}

  private final TryWork tryWork;

  public SuspendReassessmentWorker(TryWork tryWork) {
    this.tryWork = tryWork;
  }

  @JobWorker(type = JOB_TYPE)
  public void suspendReassessment(@VariablesAsType Input input) {
    try {
      tryWork.suspendReassessment(input.caseId(), JobDates.parse(input.jobStartDate(), "jobStartDate"));
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(CASE_NOT_FOUND, e.getMessage());
    }
  }
}
