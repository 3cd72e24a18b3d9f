package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;

/**
 * Job type {@code assign-coach}: finds the coach for a case, the first step of the assignment. It
 * only proposes: the process checks the proposal with the decision {@code caseload-cap} and then
 * takes the place ({@link RecordCoachAssignmentWorker}) or puts the case on the waiting list.
 *
 * <p>Reads {@code caseId} and {@code track}; completes with {@code candidate} ({@code caseworkerId},
 * {@code activeCases}, {@code cap}, {@code socialWorkQualified}), null when nobody works on the track.
 * An unknown case is BPMN error {@value #CASE_NOT_FOUND}.
 */
public class AssignCoachWorker {
  public static final String JOB_TYPE = "assign-coach";
  public static final String CASE_NOT_FOUND = "CASE_NOT_FOUND";

  public record Input(String caseId, String track) {}

  public record Output(CoachCandidates.Candidate candidate) {}

  private final CoachCandidates candidates;

  public AssignCoachWorker(CoachCandidates candidates) {
    this.candidates = candidates;
  }

  @JobWorker(type = JOB_TYPE)
  public Output assignCoach(@VariablesAsType Input input) {
    try {
      return new Output(candidates.propose(input.caseId(), input.track()).orElse(null));
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(CASE_NOT_FOUND, e.getMessage());
    }
  }
}
