package io.caseway.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import java.util.Optional;
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
  void assignCoachProposesTheCandidateWithTheirLoadOrNobody() {
    var candidate = new CoachCandidates.Candidate("cw-7", 12, 20, true);
    var proposing = new AssignCoachWorker((caseId, track) -> Optional.of(candidate));
    var nobody = new AssignCoachWorker((caseId, track) -> Optional.empty());

    assertThat(proposing.assignCoach(new AssignCoachWorker.Input("c-1", "interdisciplinary-unit")))
        .isEqualTo(new AssignCoachWorker.Output(candidate));
    assertThat(nobody.assignCoach(new AssignCoachWorker.Input("c-1", "job-directed")).candidate()).isNull();
  }

  @Test
  void assignCoachPassesCaseAndTrackToTheServiceAndAnUnknownCaseIsTheBpmnErrorCaseNotFound() {
    var worker = new AssignCoachWorker((caseId, track) -> {
      throw new InvalidReferralException("No case with id '" + caseId + "' on " + track);
    });

    assertThatThrownBy(() -> worker.assignCoach(new AssignCoachWorker.Input("c-9", "job-directed")))
        .isInstanceOfSatisfying(BpmnError.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo("CASE_NOT_FOUND");
          assertThat(e.getErrorMessage()).isEqualTo("No case with id 'c-9' on job-directed");
        });
  }

  @Test
  void aTechnicalFailureOfTheAssignmentIsRetriedNotTurnedIntoABpmnError() {
    var worker = new AssignCoachWorker((caseId, track) -> {
      throw new IllegalStateException("database unavailable");
    });

    assertThatThrownBy(() -> worker.assignCoach(new AssignCoachWorker.Input("c-1", "job-directed")))
        .isInstanceOf(IllegalStateException.class);
  }
}
