package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;

/**
 * Job type {@code assign-coach}: assigns the case to a caseworker with capacity, or puts it on the
 * waiting list.
 *
 * <p>Reads {@code caseId}; completes with {@code assigned} (boolean) and {@code caseworkerId} (null
 * when waiting). An unknown case is BPMN error {@value #CASE_NOT_FOUND}.
 */
public class AssignCoachWorker {
  public static final String JOB_TYPE = "assign-coach";
  public static final String CASE_NOT_FOUND = "CASE_NOT_FOUND";

  public record Input(String caseId) {}

  public record Output(boolean assigned, String caseworkerId) {}

  private final CoachAssignment assignment;

  public AssignCoachWorker(CoachAssignment assignment) {
    this.assignment = assignment;
  }

  @JobWorker(type = JOB_TYPE)
  public Output assignCoach(@VariablesAsType Input input) {
    try {
      CoachAssignment.Outcome outcome = assignment.assign(input.caseId());
      return new Output(outcome.assigned(), outcome.caseworkerId());
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(CASE_NOT_FOUND, e.getMessage());
    }
  }
}
