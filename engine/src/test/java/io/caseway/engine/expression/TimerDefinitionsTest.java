package io.caseway.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimerDefinitionsTest {

  private static final Instant NOW = Instant.parse("2026-03-10T08:15:00Z");

  private final ExpressionLanguage el = new ExpressionLanguage();
  private final TimerDefinitions timers = new TimerDefinitions(el);

  private Instant durationFrom(String text, Instant now) {
    TypedResult<Instant> r = timers.timeDuration(el.parse(text), VariableLookup.empty(), now);
    assertThat(r.failure()).isNull();
    return r.value();
  }

  private TimerCycle cycle(String text) {
    TypedResult<TimerCycle> r = timers.timeCycle(el.parse(text), VariableLookup.empty());
    assertThat(r.failure()).isNull();
    return r.value();
  }

  // ---- timeDuration

  @Test
  void durationIsAddedToNow() {
    assertThat(durationFrom("PT10S", NOW)).isEqualTo(NOW.plusSeconds(10));
    assertThat(durationFrom("P2W", NOW)).isEqualTo(Instant.parse("2026-03-24T08:15:00Z"));
    assertThat(durationFrom("P1Y2M10DT2H", NOW)).isEqualTo(Instant.parse("2027-05-20T10:15:00Z"));
  }

  @Test
  void yearIsACalendarYearInUtc() {
    // from a leap day: one calendar year later is Feb 28, not 365 days later
    assertThat(durationFrom("P1Y", Instant.parse("2028-02-29T12:00:00Z")))
        .isEqualTo(Instant.parse("2029-02-28T12:00:00Z"));
    // over a leap day a year is 366 days long
    Instant from = Instant.parse("2027-03-01T00:00:00Z");
    assertThat(Duration.between(from, durationFrom("P1Y", from))).isEqualTo(Duration.ofDays(366));
    // while PT8760H stays an exact number of hours
    assertThat(durationFrom("PT8760H", from)).isEqualTo(Instant.parse("2028-02-29T00:00:00Z"));
  }

  @Test
  void durationFromFeelValueOrVariable() {
    assertThat(durationFrom("=duration(\"P1D\")", NOW)).isEqualTo(NOW.plus(Duration.ofDays(1)));
    assertThat(durationFrom("=duration(\"P1M\")", Instant.parse("2026-01-31T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-02-28T00:00:00Z"));
    TypedResult<Instant> fromVariable =
        timers.timeDuration(
            el.parse("=reminder"), VariableLookup.ofJson(Map.of("reminder", "\"PT15M\"")), NOW);
    assertThat(fromVariable.value()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
  }

  @Test
  void invalidDurationsExplainThemselves() {
    assertThat(timers.timeDuration(el.parse("10 minutes"), VariableLookup.empty(), NOW).failure())
        .isEqualTo(
            "Invalid timer duration '10 minutes': expected an ISO-8601 duration like PT10S or"
                + " P1Y2M10DT2H");
    assertThat(timers.timeDuration(el.parse("=\"soon\""), VariableLookup.empty(), NOW).failure())
        .startsWith("Invalid timer duration 'soon'")
        .endsWith("(the result of the expression '\"soon\"')");
    assertThat(timers.timeDuration(el.parse("=42"), VariableLookup.empty(), NOW).failure())
        .isEqualTo(
            "Expected result of the expression '42' to be one of '[DURATION, PERIOD, STRING]', but"
                + " was 'NUMBER'.");
    assertThat(TimerDefinitions.parseDuration("P1DT").isFailure()).isTrue();
  }

  // ---- timeDate

  @Test
  void dateWithOffsetOrZone() {
    VariableLookup none = VariableLookup.empty();
    assertThat(timers.timeDate(el.parse("2026-01-01T10:00:00Z"), none).value())
        .isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
    assertThat(timers.timeDate(el.parse("2026-01-01T10:00:00+02:00"), none).value())
        .isEqualTo(Instant.parse("2026-01-01T08:00:00Z"));
    assertThat(timers.timeDate(el.parse("2026-01-01T10:00:00[Europe/Copenhagen]"), none).value())
        .isEqualTo(Instant.parse("2026-01-01T09:00:00Z"));
    assertThat(timers.timeDate(el.parse("2026-07-01T10:00:00+02:00[Europe/Copenhagen]"), none).value())
        .isEqualTo(Instant.parse("2026-07-01T08:00:00Z"));
    assertThat(
            timers.timeDate(el.parse("=date and time(\"2026-01-01T10:00:00@Europe/Copenhagen\")"), none)
                .value())
        .isEqualTo(Instant.parse("2026-01-01T09:00:00Z"));
    assertThat(
            timers.timeDate(el.parse("=due"), VariableLookup.ofJson(Map.of("due", "\"2026-01-01T10:00:00Z\"")))
                .value())
        .isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
  }

  @Test
  void invalidDatesExplainThemselves() {
    VariableLookup none = VariableLookup.empty();
    assertThat(timers.timeDate(el.parse("tomorrow"), none).failure())
        .isEqualTo(
            "Invalid timer date 'tomorrow': expected an ISO-8601 date-time with an offset or zone id,"
                + " like 2026-01-01T10:00:00Z or 2026-01-01T10:00:00[Europe/Copenhagen]");
    assertThat(timers.timeDate(el.parse("2026-01-01T10:00:00"), none).failure())
        .startsWith("Invalid timer date '2026-01-01T10:00:00': it has no offset or zone id");
    assertThat(timers.timeDate(el.parse("=date and time(\"2026-01-01T10:00:00\")"), none).failure())
        .contains("without an offset or zone");
    assertThat(timers.timeDate(el.parse("=missing"), none).failure())
        .startsWith(
            "Expected result of the expression 'missing' to be one of '[DATE_TIME, STRING]', but was 'NULL'.")
        .contains("No variable found with name 'missing'");
  }

  // ---- timeCycle

  @Test
  void repeatingIntervalCountsDownRepetitions() {
    TimerCycle c = cycle("R3/PT10S");

    assertThat(c.repetitions()).isEqualTo(3);
    assertThat(c.isCron()).isFalse();
    assertThat(c.nextDueDate(NOW)).isEqualTo(NOW.plusSeconds(10));
    assertThat(c.hasNextRepetition()).isTrue();

    Instant firstFire = c.nextDueDate(NOW);
    TimerCycle second = c.nextRepetition();
    assertThat(second.repetitions()).isEqualTo(2);
    assertThat(second.nextDueDate(firstFire)).isEqualTo(NOW.plusSeconds(20));
    TimerCycle third = second.nextRepetition();
    assertThat(third.repetitions()).isEqualTo(1);
    assertThat(third.hasNextRepetition()).isFalse();
    assertThat(third.toIsoString()).isEqualTo("R1/PT10S");
  }

  @Test
  void infiniteRepeatingInterval() {
    TimerCycle c = cycle("R/PT1H");

    assertThat(c.isInfinite()).isTrue();
    assertThat(c.repetitions()).isEqualTo(TimerCycle.INFINITE);
    assertThat(c.nextRepetition()).isEqualTo(c);
    assertThat(c.hasNextRepetition()).isTrue();
    assertThat(c.nextDueDate(NOW)).isEqualTo(NOW.plus(Duration.ofHours(1)));
  }

  @Test
  void repeatingIntervalWithStartDate() {
    TimerCycle c = cycle("R3/2026-04-01T10:00:00Z/P1D");
    Instant start = Instant.parse("2026-04-01T10:00:00Z");

    // a start in the future is the first due date, then the interval follows from each firing
    assertThat(c.start()).isEqualTo(start);
    assertThat(c.nextDueDate(NOW)).isEqualTo(start);
    assertThat(c.nextRepetition().nextDueDate(start))
        .isEqualTo(Instant.parse("2026-04-02T10:00:00Z"));
    // a start already past: the interval counts from now
    Instant later = Instant.parse("2026-05-01T00:00:00Z");
    assertThat(c.nextDueDate(later)).isEqualTo(Instant.parse("2026-05-02T00:00:00Z"));
    assertThat(c.toIsoString()).isEqualTo("R3/2026-04-01T10:00:00Z/P1D");
    assertThat(TimerDefinitions.parseCycle(c.toIsoString()).value()).isEqualTo(c);
  }

  @Test
  void cronNextFireTimes() {
    TimerCycle office = cycle("0 0 9-17 * * MON-FRI");
    assertThat(office.isCron()).isTrue();
    assertThat(office.isInfinite()).isTrue();
    // Friday 17:30 UTC -> Monday 09:00 UTC
    assertThat(office.nextDueDate(Instant.parse("2026-01-02T17:30:00Z")))
        .isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
    // exactly on a match: the next one, not the same instant
    assertThat(office.nextDueDate(Instant.parse("2026-01-05T09:00:00Z")))
        .isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));

    assertThat(cycle("0 */15 * * * *").nextDueDate(Instant.parse("2026-01-01T10:07:30Z")))
        .isEqualTo(Instant.parse("2026-01-01T10:15:00Z"));
    assertThat(cycle("30 0/20 8 * * ?").nextDueDate(Instant.parse("2026-01-01T08:41:00Z")))
        .isEqualTo(Instant.parse("2026-01-02T08:00:30Z"));
    assertThat(cycle("0 0 0 1 JAN,jul ?").nextDueDate(NOW))
        .isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
    // Spring semantics: day-of-month AND day-of-week, i.e. Friday the 13th
    assertThat(cycle("0 0 12 13 * FRI").nextDueDate(Instant.parse("2026-02-14T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-13T12:00:00Z"));
    // 0 and 7 both mean Sunday
    assertThat(cycle("0 0 6 * * 7").nextDueDate(NOW)).isEqualTo(Instant.parse("2026-03-15T06:00:00Z"));
    assertThat(cycle("@daily").nextDueDate(NOW)).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
    assertThat(cycle("@hourly").nextDueDate(NOW)).isEqualTo(Instant.parse("2026-03-10T09:00:00Z"));
  }

  @Test
  void cycleFromExpression() {
    TimerCycle c = cycle("=cycle(2, duration(\"PT30M\"))");
    assertThat(c.repetitions()).isEqualTo(2);
    assertThat(c.nextDueDate(NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    TypedResult<TimerCycle> fromVariable =
        timers.timeCycle(el.parse("=schedule"), VariableLookup.ofJson(Map.of("schedule", "\"R/P1D\"")));
    assertThat(fromVariable.value().isInfinite()).isTrue();
  }

  @Test
  void invalidCyclesExplainThemselves() {
    assertThat(TimerDefinitions.parseCycle("R5/XYZ").failure())
        .isEqualTo(
            "Invalid timer cycle 'R5/XYZ': expected an ISO-8601 repeating interval like R5/PT10S or"
                + " a cron expression");
    assertThat(TimerDefinitions.parseCycle("every hour").failure())
        .startsWith("Invalid timer cycle 'every hour': a cron expression needs 6 fields");
    assertThat(TimerDefinitions.parseCycle("*/5 * * * *").failure())
        .isEqualTo(
            "Invalid timer cycle '*/5 * * * *': a cron expression needs 6 fields (second minute hour"
                + " day-of-month month day-of-week), but found 5");
    assertThat(TimerDefinitions.parseCycle("0 0 25 * * *").failure())
        .isEqualTo(
            "Invalid timer cycle '0 0 25 * * *': invalid hour field '25': values must be between 0"
                + " and 23");
    assertThat(TimerDefinitions.parseCycle("0 0 0 ? * MON#2").failure())
        .contains("not supported");
    assertThat(TimerDefinitions.parseCycle("0 0 0 30 FEB *").failure())
        .isEqualTo("Invalid timer cycle '0 0 0 30 FEB *': the cron expression never matches a date");
    assertThat(TimerDefinitions.parseCycle("R/PT0S").failure()).contains("must be positive");
    assertThat(TimerDefinitions.parseCycle("R2/yesterday/PT1H").failure())
        .contains("the start 'yesterday' is not an ISO-8601 date-time");
    assertThat(timers.timeCycle(el.parse("=5"), VariableLookup.empty()).failure())
        .isEqualTo("Expected result of the expression '5' to be 'STRING', but was 'NUMBER'.");
  }
}
