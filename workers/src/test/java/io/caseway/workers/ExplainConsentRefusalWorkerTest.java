package io.caseway.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import io.caseway.workers.ExplainConsentRefusalWorker.Input;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainConsentRefusalWorkerTest {

  @Test
  void asksTheServiceToExplainTheRefusalOfThisReferralsSourceEachTimeTheJobComes() {
    List<String> explained = new ArrayList<>();
    var worker = new ExplainConsentRefusalWorker((referralId, dataSource) -> explained.add(referralId + "/" + dataSource));

    worker.explainConsentRefusal(new Input("R-1", "hospital-records"));
    worker.explainConsentRefusal(new Input("R-1", "hospital-records"));

    // a redelivered job reaches the service again; the service tells the citizen once (its contract)
    assertThat(explained).containsExactly("R-1/hospital-records", "R-1/hospital-records");
  }

  @Test
  void anUnknownReferralIsTheBpmnErrorReferralUnknown() {
    var worker = new ExplainConsentRefusalWorker((referralId, dataSource) -> {
      throw new InvalidReferralException("No referral with id '" + referralId + "'");
    });

    assertThatThrownBy(() -> worker.explainConsentRefusal(new Input("R-9", "gp-records")))
        .isInstanceOfSatisfying(BpmnError.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo("REFERRAL_UNKNOWN");
          assertThat(e.getErrorMessage()).isEqualTo("No referral with id 'R-9'");
        });
  }

  @Test
  void aTechnicalFailureIsRetriedNotTurnedIntoABpmnError() {
    var worker = new ExplainConsentRefusalWorker((referralId, dataSource) -> {
      throw new IllegalStateException("letter service unavailable");
    });

    assertThatThrownBy(() -> worker.explainConsentRefusal(new Input("R-1", "gp-records")))
        .isInstanceOf(IllegalStateException.class);
  }
}
