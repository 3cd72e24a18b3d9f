package io.caseway.workers;

import static io.caseway.workers.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import io.caseway.workers.ReportOverdueRoundtableWorker.Input;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportOverdueRoundtableWorkerTest {

  @Test
  void theOverdueNoticeIsKeyedByTheRoundtableRequestNotByTheJob() {
    List<String> reported = new ArrayList<>();
    var worker = new ReportOverdueRoundtableWorker((caseId, meetingKey) -> reported.add(caseId + "/" + meetingKey));

    worker.reportOverdueRoundtable(new Input("case-1"), job(21, 7));
    worker.reportOverdueRoundtable(new Input("case-1"), job(22, 7));

    assertThat(reported).containsExactly("case-1/7", "case-1/7");
  }

  @Test
  void anUnknownCaseIsTheBpmnErrorCaseNotFound() {
    var worker = new ReportOverdueRoundtableWorker((caseId, meetingKey) -> {
      throw new InvalidReferralException("No case with id '" + caseId + "'");
    });

    assertThatThrownBy(() -> worker.reportOverdueRoundtable(new Input("case-9"), job(1, 2)))
        .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo("CASE_NOT_FOUND"));
  }
}
