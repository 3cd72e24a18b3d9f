package io.caseway.engine.expression;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * An ISO-8601 duration split the way Zeebe applies it: a calendar part ({@link Period}: years,
 * months, weeks, days) and an exact part ({@link Duration}: hours, minutes, seconds). {@code
 * P1Y2M10DT2H} is {@code period=P1Y2M10D, duration=PT2H}.
 */
public record TimerInterval(Period period, Duration duration) {

  public TimerInterval {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(duration, "duration");
  }

  public static TimerInterval of(Duration duration) {
    return new TimerInterval(Period.ZERO, duration);
  }

  public static TimerInterval of(Period period) {
    return new TimerInterval(period, Duration.ZERO);
  }

  /**
   * Adds the interval to an instant: the calendar part in UTC (so {@code P1Y} from 2028-02-29 is
   * 2029-02-28 and {@code P1M} from 2026-01-31 is 2026-02-28), then the exact part.
   */
  public Instant addTo(Instant instant) {
    if (period.isZero()) {
      return instant.plus(duration);
    }
    return instant.atZone(ZoneOffset.UTC).plus(period).plus(duration).toInstant();
  }

  /** True if adding the interval moves time forward. */
  public boolean isPositive() {
    Instant reference = Instant.parse("2000-01-01T00:00:00Z");
    return addTo(reference).isAfter(reference);
  }

  /** ISO-8601 text, e.g. {@code PT10S}, {@code P1D}, {@code P1Y2M10DT2H}. */
  public String toIsoString() {
    if (period.isZero()) {
      return duration.isZero() ? "PT0S" : duration.toString();
    }
    String p = period.toString();
    if (duration.isZero()) {
      return p;
    }
    // Duration.toString() is "PT..." (or "PT-..." for negatives); append its time part to the period.
    return p + duration.toString().substring(1);
  }

  @Override
  public String toString() {
    return toIsoString();
  }
}
