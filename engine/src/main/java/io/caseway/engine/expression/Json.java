package io.caseway.engine.expression;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * JSON conversion shared by the expression language and the decision engine.
 *
 * <p>Variables are stored as JSON text. {@link #fromJson(String)} turns JSON into plain Java values
 * ({@code Map<String,Object>} with insertion order, {@code List<Object>}, {@code String}, {@code
 * Integer}/{@code Long}/{@code BigInteger} for whole numbers, {@code BigDecimal} for fractions,
 * {@code Boolean}, {@code null}). {@link #toJson(Object)} accepts those plus {@code java.time}
 * values, FEEL values ({@link Val}) and Scala collections, and writes temporal values as ISO-8601
 * strings: date-times as {@code 2026-01-01T10:00:00Z} (or {@code
 * 2026-01-01T10:00:00+01:00[Europe/Berlin]} for a region zone), days-time durations as {@code P1D}
 * / {@code PT1H}, years-months durations as {@code P1Y2M}, dates as {@code 2026-01-01}, times as
 * {@code 10:00:00}.
 */
public final class Json {

  /** The shared, thread-safe mapper; do not reconfigure it. */
  public static final ObjectMapper MAPPER = createMapper();

  private static final ValueMapper FEEL_VALUE_MAPPER = FeelValueMapper.composite();

  private Json() {}

  /**
   * Serialises a value as JSON text.
   *
   * @throws IllegalArgumentException if the value (or something inside it) has no JSON form, e.g. a
   *     FEEL function
   */
  public static String toJson(Object value) {
    Object plain = toPlain(value);
    requireJsonCompatible(plain);
    try {
      return MAPPER.writeValueAsString(plain);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Parses JSON text into plain Java values.
   *
   * @throws IllegalArgumentException if the text is not valid JSON
   */
  public static Object fromJson(String json) {
    if (json == null) {
      throw new IllegalArgumentException("no JSON text given");
    }
    try {
      return MAPPER.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Parses JSON text that must hold an object.
   *
   * @throws IllegalArgumentException if the text is not valid JSON or not an object
   */
  public static Map<String, Object> fromJsonObject(String json) {
    Object value = fromJson(json);
    if (value instanceof Map<?, ?>) {
      @SuppressWarnings("unchecked") // Jackson reads JSON objects as LinkedHashMap<String, Object>
      Map<String, Object> map = (Map<String, Object>) value;
      return map;
    }
    throw new IllegalArgumentException(
        "expected a JSON object but found " + ExpressionLanguage.typeName(value));
  }

  /**
   * Turns FEEL values, Scala collections and numbers into plain Java values: {@code Map} (insertion
   * ordered {@link LinkedHashMap}), {@code List} ({@link ArrayList}), {@code Long}/{@code
   * BigInteger}/{@code Double}/{@code BigDecimal}, {@code String}, {@code Boolean}, {@code null} and
   * {@code java.time} values. Anything else is returned unchanged.
   */
  public static Object toPlain(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Long
        || value instanceof Integer) {
      return value;
    }
    if (value instanceof Val val) {
      Object unpacked = FEEL_VALUE_MAPPER.unpackVal(val);
      // values without a Java form (functions, ranges) unpack to themselves
      return unpacked instanceof Val ? unpacked : toPlain(unpacked);
    }
    if (value instanceof scala.math.BigDecimal bd) {
      return normalizeNumber(bd.bigDecimal());
    }
    if (value instanceof scala.math.BigInt bi) {
      return normalizeNumber(new BigDecimal(bi.bigInteger()));
    }
    if (value instanceof BigDecimal bd) {
      return normalizeNumber(bd);
    }
    if (value instanceof scala.Option<?> option) {
      return option.isEmpty() ? null : toPlain(option.get());
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      Map<String, Object> result = new LinkedHashMap<>();
      map.foreach(
          entry -> {
            result.put(String.valueOf(entry._1()), toPlain(entry._2()));
            return null;
          });
      return result;
    }
    if (value instanceof scala.collection.Iterable<?> iterable) {
      List<Object> result = new ArrayList<>();
      iterable.foreach(
          item -> {
            result.add(toPlain(item));
            return null;
          });
      return result;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> result = new LinkedHashMap<>();
      map.forEach((k, v) -> result.put(String.valueOf(k), toPlain(v)));
      return result;
    }
    if (value instanceof Iterable<?> iterable) {
      List<Object> result = new ArrayList<>();
      iterable.forEach(item -> result.add(toPlain(item)));
      return result;
    }
    if (value instanceof Object[] array) {
      List<Object> result = new ArrayList<>(array.length);
      for (Object item : array) {
        result.add(toPlain(item));
      }
      return result;
    }
    return value;
  }

  private static void requireJsonCompatible(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Number
        || value instanceof java.time.temporal.TemporalAccessor
        || value instanceof java.time.temporal.TemporalAmount) {
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.values().forEach(Json::requireJsonCompatible);
      return;
    }
    if (value instanceof List<?> list) {
      list.forEach(Json::requireJsonCompatible);
      return;
    }
    throw new IllegalArgumentException(
        "a value of type '" + ExpressionLanguage.typeName(value) + "' cannot be written as JSON");
  }

  /** Whole numbers become {@code Long} (or {@code BigInteger} if too big), fractions {@code Double}. */
  static Object normalizeNumber(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    if (stripped.scale() <= 0) {
      BigInteger whole = stripped.toBigIntegerExact();
      return whole.bitLength() < 64 ? (Object) whole.longValue() : whole;
    }
    double d = number.doubleValue();
    return Double.isFinite(d) ? (Object) d : number;
  }

  /** FEEL-style text of a days-time duration: {@code P1D}, {@code PT1H30M}, {@code -PT0.5S}. */
  public static String formatDuration(Duration duration) {
    if (duration.isZero()) {
      return "PT0S";
    }
    boolean negative = duration.isNegative();
    Duration d = duration.abs();
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    long seconds = d.toSecondsPart();
    int nanos = d.toNanosPart();
    StringBuilder sb = new StringBuilder(negative ? "-P" : "P");
    if (days > 0) {
      sb.append(days).append('D');
    }
    if (hours > 0 || minutes > 0 || seconds > 0 || nanos > 0) {
      sb.append('T');
      if (hours > 0) {
        sb.append(hours).append('H');
      }
      if (minutes > 0) {
        sb.append(minutes).append('M');
      }
      if (seconds > 0 || nanos > 0) {
        sb.append(seconds);
        if (nanos > 0) {
          String fraction = String.format("%09d", nanos).replaceAll("0+$", "");
          sb.append('.').append(fraction);
        }
        sb.append('S');
      }
    }
    return sb.toString();
  }

  /** FEEL-style text of a years-months duration ({@code P1Y2M}); days are kept if present. */
  public static String formatPeriod(Period period) {
    if (period.getDays() != 0) {
      return period.normalized().toString();
    }
    Period p = period.normalized();
    if (p.isZero()) {
      return "P0M";
    }
    boolean negative = p.isNegative();
    long years = Math.abs(p.getYears());
    long months = Math.abs(p.getMonths());
    StringBuilder sb = new StringBuilder(negative ? "-P" : "P");
    if (years > 0) {
      sb.append(years).append('Y');
    }
    if (months > 0) {
      sb.append(months).append('M');
    }
    return sb.toString();
  }

  /** ISO text of a date-time: offset form for fixed offsets, zone-id form for region zones. */
  public static String formatDateTime(ZonedDateTime dateTime) {
    if (dateTime.getZone().normalized() instanceof ZoneOffset) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime.toOffsetDateTime());
    }
    return DateTimeFormatter.ISO_ZONED_DATE_TIME.format(dateTime);
  }

  private static ObjectMapper createMapper() {
    SimpleModule temporal = new SimpleModule("caseway-temporal");
    temporal.addSerializer(ZonedDateTime.class, stringSerializer(Json::formatDateTime));
    temporal.addSerializer(
        OffsetDateTime.class, stringSerializer(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format));
    temporal.addSerializer(
        Instant.class,
        stringSerializer(i -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.atOffset(ZoneOffset.UTC))));
    temporal.addSerializer(
        LocalDateTime.class, stringSerializer(DateTimeFormatter.ISO_LOCAL_DATE_TIME::format));
    temporal.addSerializer(LocalDate.class, stringSerializer(DateTimeFormatter.ISO_LOCAL_DATE::format));
    temporal.addSerializer(LocalTime.class, stringSerializer(DateTimeFormatter.ISO_LOCAL_TIME::format));
    temporal.addSerializer(OffsetTime.class, stringSerializer(DateTimeFormatter.ISO_OFFSET_TIME::format));
    temporal.addSerializer(Duration.class, stringSerializer(Json::formatDuration));
    temporal.addSerializer(Period.class, stringSerializer(Json::formatPeriod));
    temporal.addSerializer(Double.class, new DoubleSerializer());
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(temporal)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  private static <T> JsonSerializer<T> stringSerializer(java.util.function.Function<T, String> format) {
    return new JsonSerializer<>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider serializers)
          throws IOException {
        gen.writeString(format.apply(value));
      }
    };
  }

  /** Writes whole doubles without a fraction ({@code 2} rather than {@code 2.0}); NaN/∞ as null. */
  private static final class DoubleSerializer extends JsonSerializer<Double> {
    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      double d = value;
      if (!Double.isFinite(d)) {
        gen.writeNull();
      } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        gen.writeNumber((long) d);
      } else {
        gen.writeNumber(d);
      }
    }
  }
}
