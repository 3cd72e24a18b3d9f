package io.caseway.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import io.caseway.workers.RecordCoachAssignmentWorker.Input;
import io.caseway.workers.RecordCoachAssignmentWorker.Output;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordCoachAssignmentWorkerTest {

  @Test
  void passesCaseAndCaseworkerToTheServiceAndAnswersWhetherThePlaceWasTaken() {
    Map<String, Boolean> taken = Map.of("case-1/cw-1", true, "case-2/cw-1", false);
    var worker = new RecordCoachAssignmentWorker((caseId, caseworkerId) -> taken.get(caseId + "/" + caseworkerId));

    assertThat(worker.recordCoachAssignment(new Input("case-1", "cw-1"))).isEqualTo(new Output(true));
    assertThat(worker.recordCoachAssignment(new Input("case-2", "cw-1"))).isEqualTo(new Output(false));
  }

  @Test
  void anUnknownCaseIsTheBpmnErrorCaseNotFound() {
    var worker = new RecordCoachAssignmentWorker((caseId, caseworkerId) -> {
      throw new InvalidReferralException("No case with id '" + caseId + "'");
    });

    assertThatThrownBy(() -> worker.recordCoachAssignment(new Input("case-9", "cw-1")))
        .isInstanceOfSatisfying(BpmnError.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo("CASE_NOT_FOUND");
          assertThat(e.getErrorMessage()).isEqualTo("No case with id 'case-9'");
        });
  }

  @Test
  void aTechnicalFailureIsRetriedNotTurnedIntoABpmnError() {
    var worker = new RecordCoachAssignmentWorker((caseId, caseworkerId) -> {
      throw new IllegalStateException("database unavailable");
    });

    assertThatThrownBy(() -> worker.recordCoachAssignment(new Input("case-1", "cw-1")))
        .isInstanceOf(IllegalStateException.class);
  }
}
