package io.caseway.engine.expression;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A Spring-style cron schedule as Zeebe accepts for timer cycles: six fields, {@code second minute
 * hour day-of-month month day-of-week}, each {@code *}, {@code ?} (day fields), a number, a range
 * {@code a-b}, a step {@code *}/{@code n}, {@code a/n} or {@code a-b/n}, or a comma-separated list
 * of those. Months accept {@code JAN}-{@code DEC}, days of week {@code MON}-{@code SUN} and {@code
 * 0}-{@code 7} (0 and 7 are Sunday). As in Spring, a day must satisfy both the day-of-month and
 * day-of-week fields. Macros: {@code @yearly}/{@code @annually}, {@code @monthly}, {@code @weekly},
 * {@code @daily}/{@code @midnight}, {@code @hourly}. Times are evaluated in UTC unless a zone is
 * given. Immutable and thread-safe.
 */
public final class CronSchedule {

  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 0 1 1 *",
          "@annually", "0 0 0 1 1 *",
          "@monthly", "0 0 0 1 * *",
          "@weekly", "0 0 0 * * 0",
          "@daily", "0 0 0 * * *",
          "@midnight", "0 0 0 * * *",
          "@hourly", "0 0 * * * *");

  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  /** Search horizon: a schedule that matches nothing in 400 years (a Gregorian cycle) never does. */
  private static final int MAX_YEARS = 400;

  private final String expression;
  private final BitSet seconds;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek; // 0 = Sunday ... 6 = Saturday

  private CronSchedule(String expression, BitSet[] fields) {
    this.expression = expression;
    this.seconds = fields[0];
    this.minutes = fields[1];
    this.hours = fields[2];
    this.daysOfMonth = fields[3];
    this.months = fields[4];
    this.daysOfWeek = fields[5];
  }

  /**
   * Parses a cron expression.
   *
   * @throws IllegalArgumentException with a message naming the offending field
   */
  public static CronSchedule parse(String expression) {
    Objects.requireNonNull(expression, "expression");
    String text = expression.strip();
    String macro = MACROS.get(text.toLowerCase(Locale.ROOT));
    if (macro == null && text.startsWith("@")) {
      throw new IllegalArgumentException(
          "unknown cron macro '" + text + "' (known: @yearly, @monthly, @weekly, @daily, @hourly)");
    }
    String[] parts = (macro != null ? macro : text).split("\\s+");
    if (parts.length != 6) {
      throw new IllegalArgumentException(
          "a cron expression needs 6 fields (second minute hour day-of-month month day-of-week),"
              + " but found "
              + parts.length);
    }
    BitSet[] fields = new BitSet[6];
    fields[0] = parseField(parts[0], "second", 0, 59, null, false);
    fields[1] = parseField(parts[1], "minute", 0, 59, null, false);
    fields[2] = parseField(parts[2], "hour", 0, 23, null, false);
    fields[3] = parseField(parts[3], "day-of-month", 1, 31, null, true);
    fields[4] = parseField(parts[4], "month", 1, 12, MONTHS, false);
    BitSet dow = parseField(parts[5], "day-of-week", 0, 7, DAYS, true);
    if (dow.get(7)) {
      dow.set(0);
      dow.clear(7);
    }
    fields[5] = dow;
    CronSchedule schedule = new CronSchedule(text, fields);
    if (schedule.next(Instant.parse("2000-01-01T00:00:00Z"), ZoneOffset.UTC) == null) {
      throw new IllegalArgumentException("the cron expression never matches a date");
    }
    return schedule;
  }

  private static BitSet parseField(
      String field, String name, int min, int max, List<String> names, boolean questionMark) {
    BitSet bits = new BitSet(max + 1);
    for (String part : field.split(",", -1)) {
      if (part.isEmpty()) {
        throw invalid(name, field, "empty list item");
      }
      if (part.equals("?")) {
        if (!questionMark) {
          throw invalid(name, field, "'?' is only allowed for day-of-month and day-of-week");
        }
        bits.set(min, max + 1);
        continue;
      }
      String range = part;
      int step = 1;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        range = part.substring(0, slash);
        step = parseNumber(part.substring(slash + 1), name, field, null);
        if (step <= 0) {
          throw invalid(name, field, "the step must be positive");
        }
      }
      int from;
      int to;
      if (range.equals("*")) {
        from = min;
        to = max;
      } else {
        int dash = range.indexOf('-');
        if (dash > 0) {
          from = parseNumber(range.substring(0, dash), name, field, names);
          to = parseNumber(range.substring(dash + 1), name, field, names);
        } else {
          from = parseNumber(range, name, field, names);
          to = slash >= 0 ? max : from;
        }
      }
      if (from < min || from > max || to < min || to > max) {
        throw invalid(name, field, "values must be between " + min + " and " + max);
      }
      if (from > to) {
        throw invalid(name, field, "the range " + range + " is reversed");
      }
      for (int v = from; v <= to; v += step) {
        bits.set(v);
      }
    }
    return bits;
  }

  private static int parseNumber(String text, String name, String field, List<String> names) {
    if (names != null) {
      int index = names.indexOf(text.toUpperCase(Locale.ROOT));
      if (index >= 0) {
        return names == MONTHS ? index + 1 : index;
      }
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      String hint =
          text.matches(".*[LW#].*")
              ? "the special characters L, W and # are not supported"
              : "'" + text + "' is not a number" + (names != null ? " or a known name" : "");
      throw invalid(name, field, hint);
    }
  }

  private static IllegalArgumentException invalid(String name, String field, String reason) {
    return new IllegalArgumentException("invalid " + name + " field '" + field + "': " + reason);
  }

  /** The expression as given (macros are kept as written). */
  public String expression() {
    return expression;
  }

  /** The first matching second strictly after {@code after}, in UTC; null if there is none. */
  public Instant next(Instant after) {
    return next(after, ZoneOffset.UTC);
  }

  /**
   * The first matching second strictly after {@code after}, evaluated in the given zone; null if
   * there is none within 400 years.
   */
  public Instant next(Instant after, ZoneId zone) {
    LocalDateTime t =
        LocalDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    LocalDateTime limit = t.plusYears(MAX_YEARS);
    while (t.isBefore(limit)) {
      if (!months.get(t.getMonthValue())) {
        t = LocalDateTime.of(t.toLocalDate().withDayOfMonth(1).plusMonths(1), LocalTime.MIDNIGHT);
        continue;
      }
      if (!dayMatches(t.toLocalDate())) {
        t = LocalDateTime.of(t.toLocalDate().plusDays(1), LocalTime.MIDNIGHT);
        continue;
      }
      if (!hours.get(t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
        continue;
      }
      if (!minutes.get(t.getMinute())) {
        t = t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        continue;
      }
      if (!seconds.get(t.getSecond())) {
        t = t.plusSeconds(1);
        continue;
      }
      Instant result = ZonedDateTime.of(t, zone).toInstant();
      if (result.isAfter(after)) {
        return result;
      }
      // a local time repeated by a daylight-saving shift: move on
      t = t.plusSeconds(1);
    }
    return null;
  }

  private boolean dayMatches(LocalDate date) {
    DayOfWeek dow = date.getDayOfWeek();
    return daysOfMonth.get(date.getDayOfMonth()) && daysOfWeek.get(dow.getValue() % 7);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CronSchedule other && expression.equals(other.expression);
  }

  @Override
  public int hashCode() {
    return expression.hashCode();
  }

  @Override
  public String toString() {
    return expression;
  }
}
