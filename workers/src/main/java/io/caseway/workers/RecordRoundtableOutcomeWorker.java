package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.caseway.workers.RoundtableOutcomes.Meeting;
import io.caseway.workers.RoundtableOutcomes.Outcome;
import java.util.List;

/**
 * Job type {@code record-roundtable-outcome}: writes the meeting, its minutes, the team's
 * recommendation and the authority's decision to the case file.
 *
 * <p>Reads {@code caseId} and what the scheduling, minutes and decision forms collected (never the
 * health self-assessment); completes with {@code recommendation}, {@code decision},
 * {@code decisionReason} and {@code meetingStart} as recorded, which the model's output mapping
 * returns as {@code roundtableOutcome}. The roundtable request is its process instance, so a
 * redelivered job records once. A case or meeting that cannot be recorded is BPMN error
 * {@value #MEETING_NOT_RECORDED}.
 */
public class RecordRoundtableOutcomeWorker {
  public static final String JOB_TYPE = "record-roundtable-outcome";
  public static final String MEETING_NOT_RECORDED = "MEETING_NOT_RECORDED";

  public record Input(String caseId, String meetingStart, String meetingPlace, List<String> participantRoles,
      String healthParticipantName, String companionName, String minutes, String recommendation,
      String recommendationReason, String decision, String decisionReason) {}

  private final RoundtableOutcomes outcomes;

  public RecordRoundtableOutcomeWorker(RoundtableOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @JobWorker(type = JOB_TYPE)
  public Outcome recordRoundtableOutcome(@VariablesAsType Input input, ActivatedJob job) {
    Meeting meeting = new Meeting(input.meetingStart(), input.meetingPlace(),
        input.participantRoles() == null ? List.of() : input.participantRoles(), input.healthParticipantName(),
        input.companionName(), input.minutes(), input.recommendation(), input.recommendationReason(),
        input.decision(), input.decisionReason());
    try {
      return outcomes.record(input.caseId(), Long.toString(job.getProcessInstanceKey()), meeting);
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(MEETING_NOT_RECORDED, e.getMessage());
    }
  }
}
