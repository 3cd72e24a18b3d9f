package io.caseway.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import io.caseway.workers.OutcomeRecords.OutcomeType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** update-plan (annual-review) and record-outcome (every Journeys II process). */
class UpdatePlanAndRecordOutcomeWorkerTest {
  private final List<String> recorded = new ArrayList<>();

  @Test
  void theReviewIsRecordedWithItsDateOutcomeAndPlanChange() {
    var worker = new UpdatePlanWorker((caseId, date, outcome, update) -> recorded.add(caseId + "/" + date + "/"
        + outcome + "/" + update));

    worker.updatePlan(new UpdatePlanWorker.Input("case-1", "2027-12-01", "continue-plan", "Two more hours"));

    assertThat(recorded).containsExactly("case-1/2027-12-01/continue-plan/Two more hours");
  }

  @Test
  void aReviewWithoutADateOrForAnUnknownCaseIsTheBpmnErrorReviewNotRecorded() {
    var worker = new UpdatePlanWorker((caseId, date, outcome, update) -> {
      throw new InvalidReferralException("No case with id '" + caseId + "'");
    });

    assertThatThrownBy(() -> worker.updatePlan(new UpdatePlanWorker.Input("case-1", "next year", "work", null)))
        .isInstanceOfSatisfying(BpmnError.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo("REVIEW_NOT_RECORDED");
          assertThat(e.getErrorMessage()).contains("reviewDate").contains("'next year'");
        });
    assertThatThrownBy(() -> worker.updatePlan(new UpdatePlanWorker.Input("case-9", "2027-12-01", "work", null)))
        .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorMessage()).contains("case-9"));
  }

  @Test
  void eachOutcomeTypeOfTheContractIsRecordedWithItsDate() {
    var worker = new RecordOutcomeWorker((caseId, type, on, solution) -> recorded.add(caseId + "/" + type + "/" + on
        + "/" + solution));

    worker.recordOutcome(new RecordOutcomeWorker.Input("case-1", "into-work", "2027-01-04", null));
    worker.recordOutcome(new RecordOutcomeWorker.Input("case-1", "sustained-13-weeks", "2027-04-05", null));
    worker.recordOutcome(new RecordOutcomeWorker.Input("case-1", "sustained-26-weeks", "2027-07-05", null));
    worker.recordOutcome(new RecordOutcomeWorker.Input("case-2", "lasting-solution", "2027-12-01", "flex-job"));

    assertThat(recorded).containsExactly("case-1/INTO_WORK/2027-01-04/null", "case-1/SUSTAINED_13_WEEKS/2027-04-05/null",
        "case-1/SUSTAINED_26_WEEKS/2027-07-05/null", "case-2/LASTING_SOLUTION/2027-12-01/flex-job");
  }

  @Test
  void anUnknownOutcomeTypeOrDateIsTheBpmnErrorOutcomeNotRecordedAndATechnicalFailureIsRetried() {
    var worker = new RecordOutcomeWorker((caseId, type, on, solution) -> recorded.add(caseId));

    assertThatThrownBy(() -> worker.recordOutcome(new RecordOutcomeWorker.Input("case-1", "promotion", "2027-01-04",
        null))).isInstanceOfSatisfying(BpmnError.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo("OUTCOME_NOT_RECORDED");
          assertThat(e.getErrorMessage()).contains("'promotion'");
        });
    assertThatThrownBy(() -> worker.recordOutcome(new RecordOutcomeWorker.Input("case-1", "into-work", null, null)))
        .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorMessage()).contains("occurredOn"));
    assertThat(recorded).isEmpty();
    assertThatThrownBy(() -> new RecordOutcomeWorker((caseId, type, on, solution) -> {
      throw new IllegalStateException("database unavailable");
    }).recordOutcome(new RecordOutcomeWorker.Input("case-1", "into-work", "2027-01-04", null)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(OutcomeType.fromProcessValue("lasting-solution")).isEqualTo(OutcomeType.LASTING_SOLUTION);
  }
}
