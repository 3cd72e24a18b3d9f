package io.caseway.engine.expression;

import java.time.Instant;
import java.util.Objects;

/**
 * A timer cycle: either an ISO-8601 repeating interval ({@code R5/PT10S}, {@code R/PT1H}, {@code
 * R3/2026-01-01T10:00:00Z/P1D}) or a cron schedule ({@code 0 0 9-17 * * MON-FRI}, UTC).
 *
 * <p>{@code repetitions} counts the firings still to come, including the one being scheduled: {@code
 * R5/PT10S} starts at 5; {@link #INFINITE} (-1) repeats forever, and cron cycles are always
 * infinite. To re-arm after a firing at {@code dueDate}: if {@link #hasNextRepetition()}, schedule
 * {@code nextRepetition()} at {@code nextRepetition().nextDueDate(dueDate)}.
 *
 * @param repetitions remaining firings, or -1 for infinite
 * @param start the optional start date of a repeating interval (null if none, and for cron)
 * @param interval the interval of a repeating interval (null for cron)
 * @param cron the cron schedule (null for a repeating interval)
 */
public record TimerCycle(int repetitions, Instant start, TimerInterval interval, CronSchedule cron) {

  public static final int INFINITE = -1;

  public TimerCycle {
    if (repetitions < INFINITE) {
      throw new IllegalArgumentException("repetitions must be -1 (infinite) or >= 0");
    }
    if ((interval == null) == (cron == null)) {
      throw new IllegalArgumentException("a timer cycle has either an interval or a cron schedule");
    }
    if (cron != null) {
      repetitions = INFINITE;
      start = null;
    }
  }

  public static TimerCycle repeating(int repetitions, Instant start, TimerInterval interval) {
    return new TimerCycle(repetitions, start, Objects.requireNonNull(interval), null);
  }

  public static TimerCycle ofCron(CronSchedule cron) {
    return new TimerCycle(INFINITE, null, null, Objects.requireNonNull(cron));
  }

  public boolean isCron() {
    return cron != null;
  }

  public boolean isInfinite() {
    return repetitions == INFINITE;
  }

  /**
   * When the timer is due next, scheduling at or after {@code from} (usually now, or the due date of
   * the firing being re-armed): for an interval with a start date later than {@code from}, the start
   * date; otherwise {@code from} plus the interval (calendar parts added in UTC). For cron, the first
   * matching second strictly after {@code from}; null if the cron schedule never matches again.
   */
  public Instant nextDueDate(Instant from) {
    if (cron != null) {
      return cron.next(from);
    }
    if (start != null && start.isAfter(from)) {
      return start;
    }
    return interval.addTo(from);
  }

  /** True if, after the firing being scheduled now, the timer fires again. */
  public boolean hasNextRepetition() {
    return repetitions == INFINITE || repetitions > 1;
  }

  /** The cycle for the following firing: one repetition fewer (unchanged if infinite). */
  public TimerCycle nextRepetition() {
    if (repetitions == INFINITE) {
      return this;
    }
    return new TimerCycle(Math.max(0, repetitions - 1), start, interval, cron);
  }

  /** The same cycle with another remaining-repetitions count (e.g. restored from storage). */
  public TimerCycle withRepetitions(int remaining) {
    return new TimerCycle(remaining, start, interval, cron);
  }

  /** The cycle as text that {@link TimerDefinitions#parseCycle(String)} reads back. */
  public String toIsoString() {
    if (cron != null) {
      return cron.expression();
    }
    StringBuilder sb = new StringBuilder("R");
    if (repetitions != INFINITE) {
      sb.append(repetitions);
    }
    sb.append('/');
    if (start != null) {
      sb.append(start).append('/');
    }
    return sb.append(interval.toIsoString()).toString();
  }

  @Override
  public String toString() {
    return toIsoString();
  }
}
