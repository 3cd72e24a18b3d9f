package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;

/**
 * Job type {@code report-overdue-roundtable}: tells the managers that the roundtable meeting was not
 * prepared by its deadline (the preparation goes on).
 *
 * <p>Reads {@code caseId}; the roundtable request is its process instance, so a redelivered job
 * reports once. Completes without variables. An unknown case is BPMN error {@value #CASE_NOT_FOUND}.
 */
public class ReportOverdueRoundtableWorker {
  public static final String JOB_TYPE = "report-overdue-roundtable";
  public static final String CASE_NOT_FOUND = "CASE_NOT_FOUND";

  public record Input(String caseId) {}

  private final OverdueRoundtables overdue;

  public ReportOverdueRoundtableWorker(OverdueRoundtables overdue) {
    this.overdue = overdue;
  }

  @JobWorker(type = JOB_TYPE)
  public void reportOverdueRoundtable(@VariablesAsType Input input, ActivatedJob job) {
    try {
      overdue.reportOverdue(input.caseId(), Long.toString(job.getProcessInstanceKey()));
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(CASE_NOT_FOUND, e.getMessage());
    }
  }
}
