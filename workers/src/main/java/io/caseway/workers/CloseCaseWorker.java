package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;

/**
 * Job type {@code close-case} (try-work-protection): closes the case.
 *
 * <p>Reads {@code caseId} and {@code closingReason}; completes without variables. Idempotent. An
 * unknown case or reason is BPMN error {@value #CASE_NOT_CLOSED}.
 */
public class CloseCaseWorker {
  public static final String JOB_TYPE = "close-case";
  public static final String CASE_NOT_CLOSED = "CASE_NOT_CLOSED";

  public record Input(String caseId, String closingReason) {}

  private final TryWork tryWork;

  public CloseCaseWorker(TryWork tryWork) {
    this.tryWork = tryWork;
  }

  @JobWorker(type = JOB_TYPE)
  public void closeCase(@VariablesAsType Input input) {
    try {
      tryWork.close(input.caseId(), input.closingReason());
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(CASE_NOT_CLOSED, e.getMessage());
    }
  }
}
