package io.caseway.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import io.caseway.workers.AcknowledgeReferralWorker.Input;
import io.caseway.workers.AcknowledgeReferralWorker.Output;
import io.caseway.workers.testing.SteppingClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AcknowledgeReferralWorkerTest {
  private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-25T09:00:00.123456Z"));
  private final AcknowledgeReferralWorker worker =
      new AcknowledgeReferralWorker(new InMemoryReferralAcknowledgement(clock));

  @Test
  void acknowledgesWithTheCurrentInstantInIsoFormat() {
    Output output = worker.acknowledgeReferral(new Input("R-1"));

    assertThat(output.acknowledgedAt()).isEqualTo("2026-11-25T09:00:00.123Z");
  }

  @Test
  void acknowledgingTheSameReferralAgainReturnsTheFirstAcknowledgement() {
    Output first = worker.acknowledgeReferral(new Input("R-1"));
    Output again = worker.acknowledgeReferral(new Input("R-1"));
    Output other = worker.acknowledgeReferral(new Input("R-2"));

    assertThat(again).isEqualTo(first);
    assertThat(other.acknowledgedAt()).isEqualTo("2026-11-25T09:00:01.123Z");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\t"})
  void aMissingOrBlankReferralIdIsTheBpmnErrorReferralInvalid(String referralId) {
    assertThatThrownBy(() -> worker.acknowledgeReferral(new Input(referralId)))
        .isInstanceOfSatisfying(BpmnError.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo("REFERRAL_INVALID");
          assertThat(e.getErrorMessage()).isEqualTo("referralId is missing or blank");
        });
  }

  @Test
  void aTechnicalFailureIsNotTurnedIntoABpmnError() {
    var failing = new AcknowledgeReferralWorker(id -> {
      throw new IllegalStateException("store unavailable");
    });

    assertThatThrownBy(() -> failing.acknowledgeReferral(new Input("R-1")))
        .isInstanceOf(IllegalStateException.class);
  }
}
