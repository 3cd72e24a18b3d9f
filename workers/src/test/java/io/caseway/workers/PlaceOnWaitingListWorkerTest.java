package io.caseway.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import io.caseway.workers.PlaceOnWaitingListWorker.Input;
import io.caseway.workers.PlaceOnWaitingListWorker.Output;
import io.caseway.workers.testing.SteppingClock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class PlaceOnWaitingListWorkerTest {

  @Test
  void placesTheCaseWithItsTrackAndAnswersTheInstantTheServiceGivesInIsoFormat() {
    SteppingClock clock = new SteppingClock(Instant.parse("2026-12-01T09:00:00Z"));
    Map<String, Instant> waiting = new ConcurrentHashMap<>();
    var worker = new PlaceOnWaitingListWorker(
        (caseId, track) -> waiting.computeIfAbsent(caseId + "/" + track, key -> clock.instant()));

    Output first = worker.placeOnWaitingList(new Input("case-1", "interdisciplinary-unit"));
    Output again = worker.placeOnWaitingList(new Input("case-1", "interdisciplinary-unit"));

    assertThat(first.waitingSince()).isEqualTo("2026-12-01T09:00:00Z");
    assertThat(again).isEqualTo(first);
    assertThat(waiting).containsOnlyKeys("case-1/interdisciplinary-unit");
  }

  @Test
  void anUnknownCaseIsTheBpmnErrorCaseNotFound() {
    var worker = new PlaceOnWaitingListWorker((caseId, track) -> {
      throw new InvalidReferralException("No case with id '" + caseId + "'");
    });

    assertThatThrownBy(() -> worker.placeOnWaitingList(new Input("case-9", "job-directed")))
        .isInstanceOfSatisfying(BpmnError.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo("CASE_NOT_FOUND");
          assertThat(e.getErrorMessage()).isEqualTo("No case with id 'case-9'");
        });
  }

  @Test
  void aTechnicalFailureIsRetriedNotTurnedIntoABpmnError() {
    var worker = new PlaceOnWaitingListWorker((caseId, track) -> {
      throw new IllegalStateException("database unavailable");
    });

    assertThatThrownBy(() -> worker.placeOnWaitingList(new Input("case-1", "job-directed")))
        .isInstanceOf(IllegalStateException.class);
  }
}
