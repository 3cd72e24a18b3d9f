package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;

/**
 * Job type {@code grant-flex-job} (flex-job-placement): records the grant on the case.
 *
 * <p>Reads {@code caseId}; completes with {@code flexJobGrantDate} (ISO date). Idempotent per process
 * instance. An unknown case is BPMN error {@value #CASE_NOT_FOUND}.
 */
public class GrantFlexJobWorker {
  public static final String JOB_TYPE = "grant-flex-job";
  public static final String CASE_NOT_FOUND = "CASE_NOT_FOUND";

  public record Input(String caseId) {}

  public record Output(String flexJobGrantDate) {}

  private final FlexJobs flexJobs;

  public GrantFlexJobWorker(FlexJobs flexJobs) {
    this.flexJobs = flexJobs;
  }

  @JobWorker(type = JOB_TYPE)
  public Output grantFlexJob(ActivatedJob job, @VariablesAsType Input input) {
    try {
      return new Output(flexJobs.grant(input.caseId(), job.getProcessInstanceKey()).toString());
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(CASE_NOT_FOUND, e.getMessage());
    }
  }
}
