package io.caseway.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import io.caseway.workers.SicknessBenefits.PaidPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * suspend-reassessment, resume-case and close-case (try-work-protection); contact-employer and
 * fetch-payment-history (sickness-benefit-early-effort).
 */
class TryWorkAndSicknessBenefitWorkersTest {
  private final List<String> calls = new ArrayList<>();
  private final TryWork tryWork = new TryWork() {
    @Override
    public void suspendReassessment(String caseId, LocalDate jobStartDate) {
      known(caseId);
      calls.add("suspend " + caseId + " from " + jobStartDate);
    }

    @Override
    public void resume(String caseId) {
      known(caseId);
      calls.add("resume " + caseId);
    }

    @Override
    public void close(String caseId, String closingReason) {
      known(caseId);
      calls.add("close " + caseId + ": " + closingReason);
    }
  };
  private final SicknessBenefits sicknessBenefits = new SicknessBenefits() {
    @Override
    public void contactEmployer(String caseId) {
      known(caseId);
      calls.add("contact employer of " + caseId);
    }

    @Override
    public List<PaidPeriod> paymentHistory(String caseId) {
      known(caseId);
      return caseId.equals("case-new") ? List.of()
          : List.of(new PaidPeriod("2027-01-01", "2027-01-30"), new PaidPeriod("2027-01-31", "2027-06-30"));
    }
  };

  private static void known(String caseId) {
    if (caseId.equals("case-9")) {
      throw new InvalidReferralException("No case with id 'case-9'");
    }
  }

  @Test
  void theTryWorkStepsReachTheCaseWithTheJobStartAndTheClosingReason() {
    new SuspendReassessmentWorker(tryWork).suspendReassessment(new SuspendReassessmentWorker.Input("case-1",
        "2027-01-04"));
    new ResumeCaseWorker(tryWork).resumeCase(new ResumeCaseWorker.Input("case-1"));
    new CloseCaseWorker(tryWork).closeCase(new CloseCaseWorker.Input("case-2", "lasting-solution"));

    assertThat(calls).containsExactly("suspend case-1 from 2027-01-04", "resume case-1",
        "close case-2: lasting-solution");
  }

  @Test
  void anUnknownCaseOrAMissingJobStartIsABpmnError() {
    assertThatThrownBy(() -> new SuspendReassessmentWorker(tryWork).suspendReassessment(
        new SuspendReassessmentWorker.Input("case-1", null)))
        .isInstanceOfSatisfying(BpmnError.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo("CASE_NOT_FOUND");
          assertThat(e.getErrorMessage()).contains("jobStartDate");
        });
    assertThatThrownBy(() -> new ResumeCaseWorker(tryWork).resumeCase(new ResumeCaseWorker.Input("case-9")))
        .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo("CASE_NOT_FOUND"));
    assertThatThrownBy(() -> new CloseCaseWorker(tryWork).closeCase(new CloseCaseWorker.Input("case-9",
        "lasting-solution")))
        .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo("CASE_NOT_CLOSED"));
    assertThat(calls).isEmpty();
  }

  @Test
  void thePaymentHistoryIsAListOfPaidPeriodsAndTheEmployerContactGoesToTheCase() {
    var fetch = new FetchPaymentHistoryWorker(sicknessBenefits);

    assertThat(fetch.fetchPaymentHistory(new FetchPaymentHistoryWorker.Input("case-1")).paymentHistory())
        .containsExactly(new PaidPeriod("2027-01-01", "2027-01-30"), new PaidPeriod("2027-01-31", "2027-06-30"));
    assertThat(fetch.fetchPaymentHistory(new FetchPaymentHistoryWorker.Input("case-new")).paymentHistory()).isEmpty();
    assertThatThrownBy(() -> fetch.fetchPaymentHistory(new FetchPaymentHistoryWorker.Input("case-9")))
        .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo("CASE_NOT_FOUND"));
    new ContactEmployerWorker(sicknessBenefits).contactEmployer(new ContactEmployerWorker.Input("case-1"));
    assertThatThrownBy(() -> new ContactEmployerWorker(sicknessBenefits)
        .contactEmployer(new ContactEmployerWorker.Input("case-9")))
        .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo("CASE_NOT_FOUND"));

    assertThat(calls).containsExactly("contact employer of case-1");
  }
}
