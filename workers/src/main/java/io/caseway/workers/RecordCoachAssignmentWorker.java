package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;

/**
 * Job type {@code record-coach-assignment}: assigns the case to the caseworker the cap decision
 * allowed, taking a place under their cap.
 *
 * <p>Reads {@code caseId} and {@code caseworkerId}; completes with {@code placeTaken} (false when the
 * caseworker's last place went to another case meanwhile). An unknown case or caseworker is BPMN
 * error {@value #CASE_NOT_FOUND}.
 */
public class RecordCoachAssignmentWorker {
  public static final String JOB_TYPE = "record-coach-assignment";
  public static final String CASE_NOT_FOUND = "CASE_NOT_FOUND";

  public record Input(String caseId, String caseworkerId) {}

  public record Output(boolean placeTaken) {}

  private final CoachPlaces places;

  public RecordCoachAssignmentWorker(CoachPlaces places) {
    this.places = places;
  }

  @JobWorker(type = JOB_TYPE)
  public Output recordCoachAssignment(@VariablesAsType Input input) {
    try {
      return new Output(places.take(input.caseId(), input.caseworkerId()));
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(CASE_NOT_FOUND, e.getMessage());
    }
  }
}
