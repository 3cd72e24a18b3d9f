package io.caseway.processes;

import static io.camunda.process.test.api.CamundaAssert.assertThat;

import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.assertions.ProcessInstanceSelector;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The engine's clock as the journeys count it: policy dates are days, and a date-based timer is due at that day's
 * midnight (UTC).
 */
final class ProcessClock {
  private final CamundaProcessTestContext processTestContext;

  ProcessClock(CamundaProcessTestContext processTestContext) {
    this.processTestContext = processTestContext;
  }

  /** The engine's current day (UTC). */
  LocalDate today() {
    return LocalDate.ofInstant(processTestContext.getCurrentTime(), ZoneOffset.UTC);
  }

  /** Moves the engine's clock to the given day's midnight (UTC) plus or minus the given time. */
  void moveTo(LocalDate day, Duration relative) {
    Instant target = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(relative);
    processTestContext.increaseTime(Duration.between(processTestContext.getCurrentTime(), target));
  }

  /** Asserts the element is not reached an hour before the day's midnight (UTC), then moves an hour past it. */
  void moveJustPastMidnightOf(LocalDate day, ProcessInstanceEvent instance, String notReachedBefore) {
    moveJustPastMidnightOf(day, ProcessInstanceSelectors.byKey(instance.getProcessInstanceKey()), notReachedBefore);
  }

  /** Asserts the element is not reached an hour before the day's midnight (UTC), then moves an hour past it. */
  void moveJustPastMidnightOf(LocalDate day, ProcessInstanceSelector instance, String notReachedBefore) {
    moveTo(day, Duration.ofHours(-1));
    assertThat(instance).hasNotActivatedElements(notReachedBefore);
    moveTo(day, Duration.ofHours(1));
  }
}
