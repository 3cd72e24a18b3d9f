package io.caseway.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import io.caseway.workers.StartAnnualReviewWorker.Input;
import io.caseway.workers.StartAnnualReviewWorker.Output;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class StartAnnualReviewWorkerTest {

  @Test
  void completesWithTheDueDateTheServiceRecordedAsAnIsoDate() {
    Map<String, LocalDate> due = new ConcurrentHashMap<>();
    LocalDate[] today = {LocalDate.parse("2026-12-01")};
    var worker = new StartAnnualReviewWorker(caseId -> due.computeIfAbsent(caseId, id -> today[0].plusYears(1)));

    Output first = worker.startAnnualReview(new Input("case-1"));
    today[0] = LocalDate.parse("2026-12-05");
    Output again = worker.startAnnualReview(new Input("case-1"));

    assertThat(first.annualReviewDue()).isEqualTo("2027-12-01");
    assertThat(again).isEqualTo(first);
  }

  @Test
  void anUnknownCaseIsTheBpmnErrorCaseNotFound() {
    var worker = new StartAnnualReviewWorker(caseId -> {
      throw new InvalidReferralException("No case with id '" + caseId + "'");
    });

    assertThatThrownBy(() -> worker.startAnnualReview(new Input("case-9")))
        .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo("CASE_NOT_FOUND"));
  }
}
