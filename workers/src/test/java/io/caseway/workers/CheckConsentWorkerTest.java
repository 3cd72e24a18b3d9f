package io.caseway.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import io.caseway.workers.CheckConsentWorker.Input;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CheckConsentWorkerTest {

  @ParameterizedTest
  @EnumSource(ConsentStatus.class)
  void answersTheStatusOfTheSourceAsTheLowerCaseValueTheProcessRoutesOn(ConsentStatus status) {
    var worker = new CheckConsentWorker((referralId, dataSource) -> status);

    assertThat(worker.checkConsent(new Input("R-1", "gp-records")).consentStatus())
        .isEqualTo(status.name().toLowerCase());
  }

  @Test
  void asksForTheReferralAndTheSourceOfThisGateAndAnswersTheSameWhenTheJobComesAgain() {
    Map<String, ConsentStatus> register = Map.of("R-1/gp-records", ConsentStatus.GIVEN,
        "R-1/hospital-records", ConsentStatus.EXPIRED);
    var worker = new CheckConsentWorker((referralId, dataSource) -> register.get(referralId + "/" + dataSource));

    assertThat(worker.checkConsent(new Input("R-1", "hospital-records")).consentStatus()).isEqualTo("expired");
    assertThat(worker.checkConsent(new Input("R-1", "hospital-records")).consentStatus()).isEqualTo("expired");
    assertThat(worker.checkConsent(new Input("R-1", "gp-records")).consentStatus()).isEqualTo("given");
  }

  @Test
  void anUnknownReferralIsTheBpmnErrorReferralUnknown() {
    var worker = new CheckConsentWorker((referralId, dataSource) -> {
      throw new InvalidReferralException("No referral with id '" + referralId + "'");
    });

    assertThatThrownBy(() -> worker.checkConsent(new Input("R-9", "gp-records")))
        .isInstanceOfSatisfying(BpmnError.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo("REFERRAL_UNKNOWN");
          assertThat(e.getErrorMessage()).isEqualTo("No referral with id 'R-9'");
        });
  }

  @Test
  void aTechnicalFailureIsRetriedNotTurnedIntoABpmnError() {
    var worker = new CheckConsentWorker((referralId, dataSource) -> {
      throw new IllegalStateException("consent register unavailable");
    });

    assertThatThrownBy(() -> worker.checkConsent(new Input("R-1", "gp-records")))
        .isInstanceOf(IllegalStateException.class);
  }
}
