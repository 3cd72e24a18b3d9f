package io.caseway.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import io.caseway.workers.ClarificationWarnings.Warning;
import io.caseway.workers.SendClarificationWarningWorker.Input;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendClarificationWarningWorkerTest {

  @Test
  void passesWhichWarningTheModelSays() {
    List<String> warned = new ArrayList<>();
    var worker = new SendClarificationWarningWorker((caseId, warning) -> warned.add(caseId + "/" + warning));

    worker.sendClarificationWarning(new Input("case-1", "first"));
    worker.sendClarificationWarning(new Input("case-1", " Second "));

    assertThat(warned).containsExactly("case-1/" + Warning.FIRST, "case-1/" + Warning.SECOND);
  }

  @Test
  void anotherWarningValueIsTheBpmnErrorUnknownWarningAndWarnsNobody() {
    List<String> warned = new ArrayList<>();
    var worker = new SendClarificationWarningWorker((caseId, warning) -> warned.add(caseId));

    assertThatThrownBy(() -> worker.sendClarificationWarning(new Input("case-1", "third")))
        .isInstanceOfSatisfying(BpmnError.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo("UNKNOWN_WARNING");
          assertThat(e.getErrorMessage()).contains("'third'");
        });
    assertThatThrownBy(() -> worker.sendClarificationWarning(new Input("case-1", null)))
        .isInstanceOf(BpmnError.class);
    assertThat(warned).isEmpty();
  }

  @Test
  void anUnknownCaseIsTheBpmnErrorCaseNotFound() {
    var worker = new SendClarificationWarningWorker((caseId, warning) -> {
      throw new InvalidReferralException("No case with id '" + caseId + "'");
    });

    assertThatThrownBy(() -> worker.sendClarificationWarning(new Input("case-9", "first")))
        .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo("CASE_NOT_FOUND"));
  }
}
