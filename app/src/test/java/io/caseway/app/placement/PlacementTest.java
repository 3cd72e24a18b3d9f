package io.caseway.app.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlacementTest {
  private static final LocalDate START = LocalDate.parse("2026-01-05");

  private static Placement placement() {
    return new Placement(UUID.randomUUID(), UUID.randomUUID(), null, Placement.Kind.FLEX_JOB, new BigDecimal("2.5"),
        START);
  }

  @Test
  void aFewHoursAWeekAreEnoughButNotNone() {
    assertThat(placement().hoursPerWeek()).isEqualByComparingTo("2.5");
    assertThatThrownBy(() -> new Placement(UUID.randomUUID(), UUID.randomUUID(), null, Placement.Kind.FLEX_JOB,
        BigDecimal.ZERO, START)).hasMessageContaining("some hours");
  }

  @Test
  void checksFallDueAt13And26WeeksAndAreRecordedOnce() {
    Placement p = placement();
    assertThatThrownBy(() -> p.recordCheck(13, true, START.plusWeeks(13).minusDays(1)))
        .hasMessageContaining("falls due on 2026-04-06");
    p.recordCheck(13, true, START.plusWeeks(13));
    assertThat(p.sustained13Weeks()).contains(true);
    assertThatThrownBy(() -> p.recordCheck(13, false, START.plusWeeks(14))).hasMessageContaining("already recorded");
    assertThatThrownBy(() -> p.recordCheck(20, true, START.plusWeeks(20))).hasMessageContaining("13 and 26");
  }

  @Test
  void aPlacementThatEndedBeforeTheCheckCannotBeSustained() {
    Placement p = placement();
    p.end(START.plusWeeks(8), "Back pain worse");
    assertThatThrownBy(() -> p.recordCheck(13, true, START.plusWeeks(13))).hasMessageContaining("ended on");
    p.recordCheck(13, false, START.plusWeeks(13));
    assertThat(p.sustained13Weeks()).contains(false);
    assertThatThrownBy(() -> p.end(START.plusWeeks(9), "x")).hasMessageContaining("already ended");
  }
}
