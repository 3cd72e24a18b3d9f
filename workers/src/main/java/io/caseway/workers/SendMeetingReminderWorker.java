package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;

/**
 * Job type {@code send-meeting-reminder}: reminds the coach, every reminder interval, that the
 * roundtable meeting is still being prepared.
 *
 * <p>Reads {@code caseId}; each reminder is keyed by its job, so a redelivered job reminds once.
 * Completes without variables. An unknown case is BPMN error {@value #CASE_NOT_FOUND}.
 */
public class SendMeetingReminderWorker {
  public static final String JOB_TYPE = "send-meeting-reminder";
  public static final String CASE_NOT_FOUND = "CASE_NOT_FOUND";

  public record Input(String caseId) {}

  private final RoundtableReminders reminders;

  public SendMeetingReminderWorker(RoundtableReminders reminders) {
    this.reminders = reminders;
  }

  @JobWorker(type = JOB_TYPE)
  public void sendMeetingReminder(@VariablesAsType Input input, ActivatedJob job) {
    try {
      reminders.remind(input.caseId(), Long.toString(job.getKey()));
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(CASE_NOT_FOUND, e.getMessage());
    }
  }
}
