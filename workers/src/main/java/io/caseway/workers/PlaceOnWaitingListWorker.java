package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;

/**
 * Job type {@code place-on-waiting-list}: puts a case for which no coach has room on the waiting list.
 *
 * <p>Reads {@code caseId} and {@code track}; completes with {@code waitingSince} (ISO-8601 instant,
 * UTC). An unknown case is BPMN error {@value #CASE_NOT_FOUND}.
 */
public class PlaceOnWaitingListWorker {
  public static final String JOB_TYPE = "place-on-waiting-list";
  public static final String CASE_NOT_FOUND = "CASE_NOT_FOUND";

  public record Input(String caseId, String track) {}

  public record Output(String waitingSince) {}

  private final WaitingList waitingList;

  public PlaceOnWaitingListWorker(WaitingList waitingList) {
    this.waitingList = waitingList;
  }

  @JobWorker(type = JOB_TYPE)
  public Output placeOnWaitingList(@VariablesAsType Input input) {
    try {
      return new Output(waitingList.place(input.caseId(), input.track()).toString());
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(CASE_NOT_FOUND, e.getMessage());
    }
  }
}
