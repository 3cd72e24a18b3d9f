package io.caseway.engine.expression;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ValFunction;

/**
 * Zeebe's expression language: an attribute starting with {@code =} is a FEEL expression (compiled
 * once when parsed), anything else is a static string value.
 *
 * <p>Values given to and returned from FEEL are plain JSON-compatible Java values: {@code
 * Map<String,Object>}, {@code List<Object>}, {@code String}, {@code Long}/{@code BigInteger} for
 * whole numbers, {@code Double} for fractions, {@code Boolean} and {@code null}, plus {@code
 * java.time} values for FEEL temporal values ({@code ZonedDateTime}, {@code LocalDateTime}, {@code
 * LocalDate}, {@code LocalTime}, {@code OffsetTime}, {@code Duration} for days-time and {@code
 * Period} for years-months durations). Variables are passed lazily: only the names an expression
 * references are looked up and parsed from their JSON text.
 *
 * <p>Like Zeebe 8.8 (feel-scala 1.17 and later), a reference to a missing variable or context entry
 * does not fail the evaluation: it evaluates to {@code null} and FEEL records a warning (for example
 * {@code [NO_VARIABLE_FOUND] No variable found with name 'foo'}), so {@code =foo.bar} yields {@code
 * null}, and {@code =foo > 1} yields {@code null} rather than a failure. The typed helpers turn such a
 * {@code null} into a type-mismatch failure that lists the warnings. Hard failures (parse errors,
 * {@code assert}, a referenced variable whose stored JSON is invalid) are returned as failures.
 *
 * <p>Thread-safe; one instance per engine.
 */
public final class ExpressionLanguage {

  private static final Pattern FEEL_PREFIX = Pattern.compile("^\\s*=(.*)$", Pattern.DOTALL);
  private static final int MAX_CACHED_EXPRESSIONS = 10_000;

  private final FeelEngineApi feel;
  private final Map<String, Expression> cache = new ConcurrentHashMap<>();

  /** An expression language whose FEEL {@code now()} and {@code today()} use the UTC system clock. */
  public ExpressionLanguage() {
    this(Clock.systemUTC());
  }

  /** An expression language whose FEEL {@code now()} and {@code today()} read the given clock. */
  public ExpressionLanguage(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    this.feel =
        FeelEngineBuilder.forJava()
            .withCustomValueMapper(new FeelValueMapper())
            .withFunctionProvider(new FeelFunctions())
            .withClock(() -> ZonedDateTime.ofInstant(clock.instant(), clock.getZone()))
            .build();
  }

  /**
   * Parses a Zeebe expression attribute: {@code "=..."} is FEEL (compiled once, parse errors
   * reported), anything else is a static string value. Never throws: on a parse error the returned
   * expression's {@link Expression#failure()} is non-null, e.g. {@code failed to parse expression
   * '1 +': ...}. A null text is reported as a failure too.
   */
  public Expression parse(String text) {
    if (text == null) {
      return Expression.invalid(null, "", "failed to parse expression: no expression given");
    }
    Expression cached = cache.get(text);
    if (cached != null) {
      return cached;
    }
    Expression parsed = doParse(text);
    if (cache.size() >= MAX_CACHED_EXPRESSIONS) {
      cache.clear();
    }
    cache.put(text, parsed);
    return parsed;
  }

  private Expression doParse(String text) {
    Matcher m = FEEL_PREFIX.matcher(text);
    if (!m.matches()) {
      return Expression.staticValue(text);
    }
    String feelText = m.group(1).strip();
    try {
      ParseResult result = feel.parseExpression(feelText);
      if (result.isFailure()) {
        return Expression.invalid(text, feelText, result.failure().message());
      }
      return Expression.feel(text, feelText, result.parsedExpression());
    } catch (RuntimeException e) {
      return Expression.invalid(
          text, feelText, "failed to parse expression '" + feelText + "': " + e.getMessage());
    }
  }

  /** Parses and evaluates in one step (parsed expressions are cached). */
  public EvaluationResult evaluate(String text, VariableLookup vars) {
    return evaluate(parse(text), vars);
  }

  /**
   * Evaluates an expression. A static expression yields its text; a FEEL expression yields a plain
   * Java value (see the class comment) or a failure. Never throws.
   */
  public EvaluationResult evaluate(Expression expression, VariableLookup vars) {
    if (expression == null) {
      return EvaluationResult.failed("failed to evaluate expression: no expression given");
    }
    if (!expression.isValid()) {
      return EvaluationResult.failed(expression.failure());
    }
    if (expression.isStatic()) {
      return EvaluationResult.success(expression.source());
    }
    String text = expression.expressionText();
    LazyVariableContext context =
        new LazyVariableContext(vars == null ? VariableLookup.empty() : vars);
    org.camunda.feel.api.EvaluationResult result;
    try {
      result = feel.evaluate(expression.parsed(), context);
    } catch (RuntimeException e) {
      return EvaluationResult.failed(
          "failed to evaluate expression '" + text + "': " + e.getMessage());
    }
    if (context.invalidVariable() != null) {
      return EvaluationResult.failed(
          "failed to evaluate expression '"
              + text
              + "': the variable '"
              + context.invalidVariable()
              + "' does not hold valid JSON ("
              + context.invalidReason()
              + ")");
    }
    List<String> warnings = new ArrayList<>();
    result
        .getSuppressedFailures()
        .forEach(f -> warnings.add("[" + f.failureType() + "] " + f.failureMessage()));
    if (result.isFailure()) {
      String message = result.failure().message();
      if (!message.contains("'" + text + "'")) {
        message = "failed to evaluate expression '" + text + "': " + message;
      }
      return new EvaluationResult(null, message, warnings);
    }
    Object value;
    try {
      value = Json.toPlain(result.result());
    } catch (RuntimeException e) {
      return new EvaluationResult(
          null,
          "failed to evaluate expression '" + text + "': cannot convert the result: " + e.getMessage(),
          warnings);
    }
    return new EvaluationResult(value, null, warnings);
  }

  // ---------------------------------------------------------------------------------------------
  // Typed helpers

  /** The result must be a boolean (condition expressions, completion conditions). */
  public TypedResult<Boolean> evaluateBoolean(Expression expression, VariableLookup vars) {
    EvaluationResult r = evaluate(expression, vars);
    if (r.isFailure()) {
      return TypedResult.fail(r.failure());
    }
    if (r.value() instanceof Boolean b) {
      return TypedResult.ok(b);
    }
    return TypedResult.fail(mismatch(expression, "BOOLEAN", r));
  }

  /** The result must be a string (job type, message name, element id, ...). */
  public TypedResult<String> evaluateString(Expression expression, VariableLookup vars) {
    EvaluationResult r = evaluate(expression, vars);
    if (r.isFailure()) {
      return TypedResult.fail(r.failure());
    }
    if (r.value() instanceof String s) {
      return TypedResult.ok(s);
    }
    return TypedResult.fail(mismatch(expression, "STRING", r));
  }

  /**
   * The result must be a string or a number; a number is turned into its text ({@code 42}, {@code
   * 1.5}). Zeebe accepts both for message correlation keys.
   */
  public TypedResult<String> evaluateStringOrNumber(Expression expression, VariableLookup vars) {
    EvaluationResult r = evaluate(expression, vars);
    if (r.isFailure()) {
      return TypedResult.fail(r.failure());
    }
    if (r.value() instanceof String s) {
      return TypedResult.ok(s);
    }
    if (r.value() instanceof Number n) {
      return TypedResult.ok(numberText(n));
    }
    return TypedResult.fail(mismatch(expression, List.of("STRING", "NUMBER"), r));
  }

  /**
   * The result must be a number (retries, priority, ...); a fraction is truncated. A static value
   * that is a number ({@code "3"}) is accepted as well.
   */
  public TypedResult<Long> evaluateLong(Expression expression, VariableLookup vars) {
    EvaluationResult r = evaluate(expression, vars);
    if (r.isFailure()) {
      return TypedResult.fail(r.failure());
    }
    if (r.value() instanceof Number n) {
      return TypedResult.ok(n.longValue());
    }
    if (expression.isStatic() && r.value() instanceof String s) {
      try {
        return TypedResult.ok(new BigDecimal(s.strip()).longValue());
      } catch (NumberFormatException e) {
        // fall through to the mismatch message
      }
    }
    return TypedResult.fail(mismatch(expression, "NUMBER", r));
  }

  /**
   * The result must be a list of strings or a comma-separated string, as candidate groups and
   * candidate users accept: {@code "a, b"} and {@code =["a","b"]} both give {@code [a, b]}. Blank
   * items are dropped and items are trimmed.
   */
  public TypedResult<List<String>> evaluateStringList(Expression expression, VariableLookup vars) {
    EvaluationResult r = evaluate(expression, vars);
    if (r.isFailure()) {
      return TypedResult.fail(r.failure());
    }
    if (r.value() instanceof String s) {
      return TypedResult.ok(splitCommaSeparated(s));
    }
    if (r.value() instanceof List<?> list) {
      List<String> items = new ArrayList<>(list.size());
      for (Object item : list) {
        if (!(item instanceof String s)) {
          return TypedResult.fail(
              "Expected result of the expression '"
                  + expression.expressionText()
                  + "' to be 'ARRAY' containing 'STRING' items, but was 'ARRAY' containing at least"
                  + " one non-'STRING' item: '"
                  + typeName(item)
                  + "'."
                  + warningsSuffix(r));
        }
        items.add(s);
      }
      return TypedResult.ok(List.copyOf(items));
    }
    return TypedResult.fail(mismatch(expression, List.of("ARRAY", "STRING"), r));
  }

  /**
   * The result must be a context (an object), returned as JSON text; used for input/output
   * mappings and variables that must be documents.
   */
  public TypedResult<String> evaluateJsonObject(Expression expression, VariableLookup vars) {
    EvaluationResult r = evaluate(expression, vars);
    if (r.isFailure()) {
      return TypedResult.fail(r.failure());
    }
    if (r.value() instanceof Map<?, ?>) {
      return toJsonResult(expression, r);
    }
    return TypedResult.fail(mismatch(expression, "OBJECT", r));
  }

  /**
   * Any result as JSON text ({@code null} becomes {@code "null"}); fails only if the value has no
   * JSON form (a FEEL function). Used for input/output mappings, where Zeebe accepts any value.
   */
  public TypedResult<String> evaluateToJson(Expression expression, VariableLookup vars) {
    EvaluationResult r = evaluate(expression, vars);
    if (r.isFailure()) {
      return TypedResult.fail(r.failure());
    }
    return toJsonResult(expression, r);
  }

  private static TypedResult<String> toJsonResult(Expression expression, EvaluationResult r) {
    try {
      return TypedResult.ok(Json.toJson(r.value()));
    } catch (IllegalArgumentException e) {
      return TypedResult.fail(
          "Expected result of the expression '"
              + expression.expressionText()
              + "' to be a JSON value, but "
              + e.getMessage()
              + ".");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // JSON utilities

  /** Same as {@link Json#toJson(Object)}. */
  public static String toJson(Object value) {
    return Json.toJson(value);
  }

  /** Same as {@link Json#fromJson(String)}. */
  public static Object fromJson(String json) {
    return Json.fromJson(json);
  }

  // ---------------------------------------------------------------------------------------------
  // Messages

  /**
   * The type of a value as Zeebe names it in messages: NULL, BOOLEAN, NUMBER, STRING, ARRAY,
   * OBJECT, DATE_TIME, DURATION (days-time), PERIOD (years-months), and DATE, TIME, LOCAL_DATE_TIME,
   * FUNCTION for the values Zeebe has no name for.
   */
  public static String typeName(Object value) {
    if (value == null) {
      return "NULL";
    } else if (value instanceof Boolean) {
      return "BOOLEAN";
    } else if (value instanceof Number) {
      return "NUMBER";
    } else if (value instanceof String) {
      return "STRING";
    } else if (value instanceof List<?> || value instanceof Iterable<?>) {
      return "ARRAY";
    } else if (value instanceof Map<?, ?>) {
      return "OBJECT";
    } else if (value instanceof ZonedDateTime
        || value instanceof OffsetDateTime
        || value instanceof Instant) {
      return "DATE_TIME";
    } else if (value instanceof LocalDateTime) {
      return "LOCAL_DATE_TIME";
    } else if (value instanceof LocalDate) {
      return "DATE";
    } else if (value instanceof LocalTime || value instanceof OffsetTime) {
      return "TIME";
    } else if (value instanceof Duration) {
      return "DURATION";
    } else if (value instanceof Period) {
      return "PERIOD";
    } else if (value instanceof ValFunction) {
      return "FUNCTION";
    }
    return "UNKNOWN";
  }

  /**
   * {@code Expected result of the expression 'x > 1' to be 'BOOLEAN', but was 'STRING'.}, followed
   * by FEEL's warnings if there were any.
   */
  static String mismatch(Expression expression, String expectedType, EvaluationResult result) {
    return "Expected result of the expression '"
        + expression.expressionText()
        + "' to be '"
        + expectedType
        + "', but was '"
        + result.type()
        + "'."
        + warningsSuffix(result);
  }

  static String mismatch(
      Expression expression, List<String> expectedTypes, EvaluationResult result) {
    return "Expected result of the expression '"
        + expression.expressionText()
        + "' to be one of '"
        + expectedTypes
        + "', but was '"
        + result.type()
        + "'."
        + warningsSuffix(result);
  }

  static String warningsSuffix(EvaluationResult result) {
    if (result.warnings().isEmpty()) {
      return "";
    }
    return " The evaluation reported the following warnings:\n"
        + String.join("\n", result.warnings());
  }

  static String numberText(Number n) {
    if (n instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    if (n instanceof BigDecimal bd) {
      return bd.stripTrailingZeros().toPlainString();
    }
    return n.toString();
  }

  static List<String> splitCommaSeparated(String text) {
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
