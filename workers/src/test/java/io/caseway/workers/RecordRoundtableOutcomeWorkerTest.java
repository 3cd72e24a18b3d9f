package io.caseway.workers;

import static io.caseway.workers.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import io.caseway.workers.RecordRoundtableOutcomeWorker.Input;
import io.caseway.workers.RoundtableOutcomes.Meeting;
import io.caseway.workers.RoundtableOutcomes.Outcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordRoundtableOutcomeWorkerTest {
  private static final Input HELD = new Input("case-1", "2026-12-15T09:00:00Z", "Jobcentre, room 2",
      List.of("citizen", "caseworker", "doctor"), "Dr. Holm", null, "Short days agreed", "development-flex-job",
      "A few hours a week", "flex-job", "Lasting reduced capacity");

  @Test
  void recordsTheMeetingOncePerRoundtableRequestAndCompletesWithTheOutcomeAsRecorded() {
    Map<String, Meeting> recorded = new HashMap<>();
    var worker = new RecordRoundtableOutcomeWorker((caseId, meetingKey, meeting) -> {
      Meeting m = recorded.computeIfAbsent(caseId + "/" + meetingKey, key -> meeting);
      return new Outcome(m.recommendation(), m.decision(), m.decisionReason(), m.meetingStart());
    });

    Outcome first = worker.recordRoundtableOutcome(HELD, job(31, 7));
    Outcome again = worker.recordRoundtableOutcome(HELD, job(31, 7));

    assertThat(first).isEqualTo(new Outcome("development-flex-job", "flex-job", "Lasting reduced capacity",
        "2026-12-15T09:00:00Z"));
    assertThat(again).isEqualTo(first);
    assertThat(recorded).containsOnlyKeys("case-1/7");
    assertThat(recorded.get("case-1/7").participantRoles()).containsExactly("citizen", "caseworker", "doctor");
  }

  @Test
  void missingParticipantRolesArePassedAsNoneSoTheServiceCanRefuseThem() {
    Map<String, Meeting> recorded = new HashMap<>();
    var worker = new RecordRoundtableOutcomeWorker((caseId, meetingKey, meeting) -> {
      recorded.put(meetingKey, meeting);
      return new Outcome(null, null, null, null);
    });

    worker.recordRoundtableOutcome(new Input("case-1", null, null, null, null, null, null, null, null, null, null),
        job(1, 2));

    assertThat(recorded.get("2").participantRoles()).isEmpty();
  }

  @Test
  void aMeetingThatCannotBeRecordedIsTheBpmnErrorMeetingNotRecorded() {
    var worker = new RecordRoundtableOutcomeWorker((caseId, meetingKey, meeting) -> {
      throw new InvalidReferralException("No case with id '" + caseId + "'");
    });

    assertThatThrownBy(() -> worker.recordRoundtableOutcome(HELD, job(1, 2)))
        .isInstanceOfSatisfying(BpmnError.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo("MEETING_NOT_RECORDED");
          assertThat(e.getErrorMessage()).isEqualTo("No case with id 'case-1'");
        });
  }
}
