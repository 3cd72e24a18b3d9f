package io.caseway.workers;

import static io.caseway.workers.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import io.caseway.workers.SendMeetingReminderWorker.Input;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendMeetingReminderWorkerTest {

  @Test
  void eachReminderIsKeyedByItsJobSoARedeliveredJobCarriesTheSameKey() {
    List<String> reminded = new ArrayList<>();
    var worker = new SendMeetingReminderWorker((caseId, key) -> reminded.add(caseId + "/" + key));

    worker.sendMeetingReminder(new Input("case-1"), job(11, 7));
    worker.sendMeetingReminder(new Input("case-1"), job(11, 7));
    worker.sendMeetingReminder(new Input("case-1"), job(12, 7));

    assertThat(reminded).containsExactly("case-1/11", "case-1/11", "case-1/12");
  }

  @Test
  void anUnknownCaseIsTheBpmnErrorCaseNotFound() {
    var worker = new SendMeetingReminderWorker((caseId, key) -> {
      throw new InvalidReferralException("No case with id '" + caseId + "'");
    });

    assertThatThrownBy(() -> worker.sendMeetingReminder(new Input("case-9"), job(1, 2)))
        .isInstanceOfSatisfying(BpmnError.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo("CASE_NOT_FOUND");
          assertThat(e.getErrorMessage()).isEqualTo("No case with id 'case-9'");
        });
  }

  @Test
  void aTechnicalFailureIsRetriedNotTurnedIntoABpmnError() {
    var worker = new SendMeetingReminderWorker((caseId, key) -> {
      throw new IllegalStateException("database unavailable");
    });

    assertThatThrownBy(() -> worker.sendMeetingReminder(new Input("case-1"), job(1, 2)))
        .isInstanceOf(IllegalStateException.class);
  }
}
