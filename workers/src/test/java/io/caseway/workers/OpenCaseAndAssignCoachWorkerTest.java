package io.caseway.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import org.junit.jupiter.api.Test;

class OpenCaseAndAssignCoachWorkerTest {

  @Test
  void openCaseReturnsTheCaseIdOfTheService() {
    var worker = new OpenCaseWorker((referral, track) -> "case-for-" + referral + "-" + track);

    assertThat(worker.openCase(new OpenCaseWorker.Input("R-1", "job-directed")).caseId())
        .isEqualTo("case-for-R-1-job-directed");
  }

  @Test
  void anUnknownReferralIsTheBpmnErrorCaseNotOpened() {
    var worker = new OpenCaseWorker((referral, track) -> {
      throw new InvalidReferralException("No referral with id 'R-9'");
    });

    assertThatThrownBy(() -> worker.openCase(new OpenCaseWorker.Input("R-9", "job-directed")))
        .isInstanceOfSatisfying(BpmnError.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo("CASE_NOT_OPENED");
          assertThat(e.getErrorMessage()).contains("R-9");
        });
  }

  @Test
  void assignCoachPassesTheOutcomeOnBothWays() {
    var assigned = new AssignCoachWorker(caseId -> new CoachAssignment.Outcome(true, "cw-7"));
    var waiting = new AssignCoachWorker(caseId -> new CoachAssignment.Outcome(false, null));

    assertThat(assigned.assignCoach(new AssignCoachWorker.Input("c-1")))
        .isEqualTo(new AssignCoachWorker.Output(true, "cw-7"));
    assertThat(waiting.assignCoach(new AssignCoachWorker.Input("c-1")))
        .isEqualTo(new AssignCoachWorker.Output(false, null));
  }

  @Test
  void aTechnicalFailureOfTheAssignmentIsRetriedNotTurnedIntoABpmnError() {
    var worker = new AssignCoachWorker(caseId -> {
      throw new IllegalStateException("database unavailable");
    });

    assertThatThrownBy(() -> worker.assignCoach(new AssignCoachWorker.Input("c-1")))
        .isInstanceOf(IllegalStateException.class);
  }
}
