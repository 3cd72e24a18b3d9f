package io.caseway.engine.expression;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates BPMN timer definitions as Zeebe does. Every method returns a {@link TypedResult} whose
 * failure message names the timer value (and expression); nothing throws.
 *
 * <ul>
 *   <li><b>timeDate</b>: an ISO-8601 date-time with offset and/or zone id ({@code
 *       2026-01-01T10:00:00Z}, {@code 2026-01-01T10:00:00+01:00}, {@code
 *       2026-01-01T10:00:00[Europe/Copenhagen]}), or a FEEL date-time value.
 *   <li><b>timeDuration</b>: an ISO-8601 duration ({@code PT10S}, {@code P1Y2M10DT2H}, {@code P2W})
 *       or a FEEL duration value; calendar parts are added to {@code now} in UTC.
 *   <li><b>timeCycle</b>: an ISO-8601 repeating interval ({@code R5/PT10S}, {@code R/PT1H}, {@code
 *       R3/2026-01-01T10:00:00Z/P1D}) or a 6-field Spring-style cron expression ({@code 0 0 9-17 * *
 *       MON-FRI}, UTC); see {@link TimerCycle} and {@link CronSchedule}.
 * </ul>
 *
 * <p>FEEL expressions may also yield the text forms above as strings. Thread-safe.
 */
public final class TimerDefinitions {

  private static final Pattern REPEATING = Pattern.compile("R(\\d*)/(.*)", Pattern.CASE_INSENSITIVE);

  /** Date-time with an optional offset and an optional [zone id]; at least one must be present. */
  private static final DateTimeFormatter DATE_TIME =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffsetId()
          .optionalEnd()
          .optionalStart()
          .appendLiteral('[')
          .parseCaseSensitive()
          .appendZoneRegionId()
          .appendLiteral(']')
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  private static final String DATE_EXPECTATION =
      "expected an ISO-8601 date-time with an offset or zone id, like 2026-01-01T10:00:00Z or"
          + " 2026-01-01T10:00:00[Europe/Copenhagen]";
  private static final String DURATION_EXPECTATION =
      "expected an ISO-8601 duration like PT10S or P1Y2M10DT2H";
  private static final String CYCLE_EXPECTATION =
      "expected an ISO-8601 repeating interval like R5/PT10S or a cron expression";

  private final ExpressionLanguage language;

  public TimerDefinitions(ExpressionLanguage language) {
    this.language = Objects.requireNonNull(language, "language");
  }

  // ---------------------------------------------------------------------------------------------
  // timeDate

  /** The due date of a timeDate definition. */
  public TypedResult<Instant> timeDate(Expression expression, VariableLookup vars) {
    EvaluationResult r = language.evaluate(expression, vars);
    if (r.isFailure()) {
      return TypedResult.fail(r.failure());
    }
    Object value = r.value();
    if (value instanceof ZonedDateTime z) {
      return TypedResult.ok(z.toInstant());
    }
    if (value instanceof OffsetDateTime o) {
      return TypedResult.ok(o.toInstant());
    }
    if (value instanceof Instant i) {
      return TypedResult.ok(i);
    }
    if (value instanceof String s) {
      return withSource(parseDate(s), expression);
    }
    if (value instanceof LocalDateTime) {
      return TypedResult.fail(
          "Invalid timer date: the expression '"
              + expression.expressionText()
              + "' returned a date-time without an offset or zone; add one, e.g. date and"
              + " time(\"2026-01-01T10:00:00@Europe/Copenhagen\").");
    }
    return TypedResult.fail(
        ExpressionLanguage.mismatch(expression, List.of("DATE_TIME", "STRING"), r));
  }

  /** Parses a static timeDate value. */
  public static TypedResult<Instant> parseDate(String text) {
    if (text == null || text.isBlank()) {
      return TypedResult.fail("Invalid timer date '" + text + "': " + DATE_EXPECTATION);
    }
    String s = text.strip();
    try {
      TemporalAccessor parsed = DATE_TIME.parse(s);
      LocalDateTime local = LocalDateTime.from(parsed);
      ZoneId zone = parsed.query(java.time.temporal.TemporalQueries.zoneId());
      ZoneOffset offset = parsed.query(java.time.temporal.TemporalQueries.offset());
      if (zone != null) {
        ZonedDateTime zoned =
            offset != null
                ? ZonedDateTime.ofLocal(local, zone, offset)
                : ZonedDateTime.of(local, zone);
        return TypedResult.ok(zoned.toInstant());
      }
      if (offset != null) {
        return TypedResult.ok(local.toInstant(offset));
      }
      return TypedResult.fail(
          "Invalid timer date '" + text + "': it has no offset or zone id; " + DATE_EXPECTATION);
    } catch (DateTimeException e) {
      return TypedResult.fail("Invalid timer date '" + text + "': " + DATE_EXPECTATION);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // timeDuration

  /** The due date of a timeDuration definition: {@code now} plus the duration. */
  public TypedResult<Instant> timeDuration(
      Expression expression, VariableLookup vars, Instant now) {
    TypedResult<TimerInterval> interval = duration(expression, vars);
    if (interval.isFailure()) {
      return TypedResult.fail(interval.failure());
    }
    try {
      return TypedResult.ok(interval.value().addTo(now));
    } catch (DateTimeException | ArithmeticException e) {
      return TypedResult.fail(
          "Invalid timer duration '" + interval.value() + "': the due date is out of range");
    }
  }

  /** The duration of a timeDuration definition, without applying it. */
  public TypedResult<TimerInterval> duration(Expression expression, VariableLookup vars) {
    EvaluationResult r = language.evaluate(expression, vars);
    if (r.isFailure()) {
      return TypedResult.fail(r.failure());
    }
    Object value = r.value();
    if (value instanceof Duration d) {
      return TypedResult.ok(TimerInterval.of(d));
    }
    if (value instanceof Period p) {
      return TypedResult.ok(TimerInterval.of(p));
    }
    if (value instanceof String s) {
      return withSource(parseDuration(s), expression);
    }
    return TypedResult.fail(
        ExpressionLanguage.mismatch(expression, List.of("DURATION", "PERIOD", "STRING"), r));
  }

  /** Parses a static ISO-8601 duration such as {@code PT10S}, {@code P1Y2M10DT2H} or {@code P2W}. */
  public static TypedResult<TimerInterval> parseDuration(String text) {
    TimerInterval interval = parseIntervalOrNull(text);
    if (interval == null) {
      return TypedResult.fail("Invalid timer duration '" + text + "': " + DURATION_EXPECTATION);
    }
    return TypedResult.ok(interval);
  }

  private static TimerInterval parseIntervalOrNull(String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip().toUpperCase(Locale.ROOT);
    boolean negative = s.startsWith("-");
    if (negative) {
      s = s.substring(1);
    }
    if (s.length() < 3 || s.charAt(0) != 'P') {
      return null;
    }
    int t = s.indexOf('T');
    String datePart = t < 0 ? s : s.substring(0, t);
    String timePart = t < 0 ? null : "PT" + s.substring(t + 1);
    if (timePart != null && timePart.length() == 2) {
      return null; // "P1DT"
    }
    try {
      Period period = datePart.length() > 1 ? Period.parse(datePart) : Period.ZERO;
      Duration duration = timePart != null ? Duration.parse(timePart) : Duration.ZERO;
      if (negative) {
        period = period.negated();
        duration = duration.negated();
      }
      return new TimerInterval(period, duration);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // timeCycle

  /** The cycle of a timeCycle definition; its first due date is {@code nextDueDate(now)}. */
  public TypedResult<TimerCycle> timeCycle(Expression expression, VariableLookup vars) {
    EvaluationResult r = language.evaluate(expression, vars);
    if (r.isFailure()) {
      return TypedResult.fail(r.failure());
    }
    if (r.value() instanceof String s) {
      return withSource(parseCycle(s), expression);
    }
    return TypedResult.fail(ExpressionLanguage.mismatch(expression, "STRING", r));
  }

  /**
   * Parses a static time cycle: {@code R[n]/[start/]duration} or a cron expression. {@code R/...}
   * repeats forever; {@code R0} is accepted and fires once, like {@code R1}.
   */
  public static TypedResult<TimerCycle> parseCycle(String text) {
    if (text == null || text.isBlank()) {
      return TypedResult.fail("Invalid timer cycle '" + text + "': " + CYCLE_EXPECTATION);
    }
    String s = text.strip();
    Matcher m = REPEATING.matcher(s);
    if (m.matches()) {
      return parseRepeating(text, m.group(1), m.group(2));
    }
    if (s.startsWith("@") || s.contains(" ") || s.contains("\t")) {
      try {
        return TypedResult.ok(TimerCycle.ofCron(CronSchedule.parse(s)));
      } catch (IllegalArgumentException e) {
        return TypedResult.fail("Invalid timer cycle '" + text + "': " + e.getMessage());
      }
    }
    return TypedResult.fail("Invalid timer cycle '" + text + "': " + CYCLE_EXPECTATION);
  }

  private static TypedResult<TimerCycle> parseRepeating(
      String text, String count, String rest) {
    int repetitions;
    try {
      repetitions = count.isEmpty() ? TimerCycle.INFINITE : Integer.parseInt(count);
    } catch (NumberFormatException e) {
      return TypedResult.fail(
          "Invalid timer cycle '" + text + "': the repetition count '" + count + "' is too large");
    }
    String[] parts = rest.split("/", -1);
    Instant start = null;
    String durationText;
    if (parts.length == 1) {
      durationText = parts[0];
    } else if (parts.length == 2) {
      TypedResult<Instant> startDate = parseDate(parts[0]);
      if (startDate.isFailure()) {
        return TypedResult.fail(
            "Invalid timer cycle '"
                + text
                + "': the start '"
                + parts[0]
                + "' is not an ISO-8601 date-time with an offset or zone id");
      }
      start = startDate.value();
      durationText = parts[1];
    } else {
      return TypedResult.fail("Invalid timer cycle '" + text + "': " + CYCLE_EXPECTATION);
    }
    TimerInterval interval = parseIntervalOrNull(durationText);
    if (interval == null) {
      return TypedResult.fail("Invalid timer cycle '" + text + "': " + CYCLE_EXPECTATION);
    }
    if (!interval.isPositive()) {
      return TypedResult.fail(
          "Invalid timer cycle '" + text + "': the interval '" + durationText + "' must be positive");
    }
    return TypedResult.ok(TimerCycle.repeating(repetitions, start, interval));
  }

  private static <T> TypedResult<T> withSource(TypedResult<T> result, Expression expression) {
    if (result.isSuccess() || expression.isStatic()) {
      return result;
    }
    return TypedResult.fail(
        result.failure() + " (the result of the expression '" + expression.expressionText() + "')");
  }
}
