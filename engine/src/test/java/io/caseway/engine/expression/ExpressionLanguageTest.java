package io.caseway.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionLanguageTest {

  private final ExpressionLanguage el = new ExpressionLanguage();

  private static VariableLookup vars(String... nameJsonPairs) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < nameJsonPairs.length; i += 2) {
      map.put(nameJsonPairs[i], nameJsonPairs[i + 1]);
    }
    return VariableLookup.ofJson(map);
  }

  private static JsonNode tree(String json) throws Exception {
    return Json.MAPPER.readTree(json);
  }

  @Test
  void staticValueIsTheTextItself() {
    Expression e = el.parse("payment-service");

    assertThat(e.isStatic()).isTrue();
    assertThat(e.failure()).isNull();
    assertThat(el.evaluate(e, VariableLookup.empty()).value()).isEqualTo("payment-service");
    // even text that looks like FEEL is static without the leading '='
    assertThat(el.evaluate("x > 1", VariableLookup.empty()).value()).isEqualTo("x > 1");
  }

  @Test
  void feelExpressionUsesVariables() {
    Expression e = el.parse("=orderTotal * 2");

    assertThat(e.isStatic()).isFalse();
    assertThat(e.expressionText()).isEqualTo("orderTotal * 2");
    EvaluationResult r = el.evaluate(e, vars("orderTotal", "21"));
    assertThat(r.isFailure()).isFalse();
    assertThat(r.value()).isEqualTo(42L);
    // whitespace before the '=' (as in formatted XML) still means FEEL
    assertThat(el.evaluate("\n   = 1 + 1", VariableLookup.empty()).value()).isEqualTo(2L);
  }

  @Test
  void parseErrorIsReportedNotThrown() {
    Expression e = el.parse("=1 +");

    assertThat(e.isValid()).isFalse();
    assertThat(e.failure()).startsWith("failed to parse expression '1 +'");
    EvaluationResult r = el.evaluate(e, VariableLookup.empty());
    assertThat(r.isFailure()).isTrue();
    assertThat(r.failure()).isEqualTo(e.failure());
  }

  @Test
  void parsedExpressionsAreCompiledOnceAndShared() {
    assertThat(el.parse("=a + b")).isSameAs(el.parse("=a + b"));
  }

  @Test
  void mappingProducesContextAsJson() throws Exception {
    Expression e =
        el.parse(
            "={customer: {name: order.customer, vip: order.total > 1000}, items: count(order.lines)}");
    VariableLookup v =
        vars("order", "{\"customer\":\"Ada\",\"total\":1500.5,\"lines\":[{\"sku\":\"a\"},{\"sku\":\"b\"}]}");

    TypedResult<String> json = el.evaluateJsonObject(e, v);

    assertThat(json.failure()).isNull();
    assertThat(tree(json.value()))
        .isEqualTo(tree("{\"customer\":{\"name\":\"Ada\",\"vip\":true},\"items\":2}"));
    // the plain value is a Java map with plain values
    Object value = el.evaluate(e, v).value();
    assertThat(value).isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) value).get("customer")).isEqualTo(Map.of("name", "Ada", "vip", true));
  }

  @Test
  void nonContextResultIsRejectedForObjectButAcceptedAsJson() {
    assertThat(el.evaluateJsonObject(el.parse("=[1, 2]"), VariableLookup.empty()).failure())
        .isEqualTo("Expected result of the expression '[1, 2]' to be 'OBJECT', but was 'ARRAY'.");
    assertThat(el.evaluateToJson(el.parse("=[1, 2.5, \"x\", null]"), VariableLookup.empty()).value())
        .isEqualTo("[1,2.5,\"x\",null]");
    assertThat(el.evaluateToJson(el.parse("=function(a) a"), VariableLookup.empty()).failure())
        .contains("'function(a) a'")
        .contains("FUNCTION");
  }

  @Test
  void temporalValuesBecomeIsoStrings() {
    VariableLookup none = VariableLookup.empty();
    assertThat(el.evaluateToJson(el.parse("=date and time(\"2026-01-01T10:00:00Z\")"), none).value())
        .isEqualTo("\"2026-01-01T10:00:00Z\"");
    assertThat(
            el.evaluateToJson(
                    el.parse("=date and time(\"2026-01-01T10:00:00@Europe/Copenhagen\")"), none)
                .value())
        .isEqualTo("\"2026-01-01T10:00:00+01:00[Europe/Copenhagen]\"");
    assertThat(el.evaluateToJson(el.parse("=duration(\"P1D\")"), none).value()).isEqualTo("\"P1D\"");
    assertThat(el.evaluateToJson(el.parse("=duration(\"PT1H\")"), none).value())
        .isEqualTo("\"PT1H\"");
    assertThat(el.evaluateToJson(el.parse("=duration(\"P14M\")"), none).value())
        .isEqualTo("\"P1Y2M\"");
    assertThat(el.evaluateToJson(el.parse("=date(\"2026-03-01\")"), none).value())
        .isEqualTo("\"2026-03-01\"");
    assertThat(el.evaluateToJson(el.parse("=time(\"10:00:00\")"), none).value())
        .isEqualTo("\"10:00:00\"");
  }

  @Test
  void nowReadsTheEngineClock() {
    ExpressionLanguage pinned =
        new ExpressionLanguage(Clock.fixed(Instant.parse("2026-05-04T03:02:01Z"), ZoneOffset.UTC));

    assertThat(pinned.evaluateToJson(pinned.parse("=now()"), VariableLookup.empty()).value())
        .isEqualTo("\"2026-05-04T03:02:01Z\"");
    assertThat(pinned.evaluate("=string(today())", VariableLookup.empty()).value())
        .isEqualTo("2026-05-04");
  }

  @Test
  void conditionOfWrongTypeNamesExpressionAndTypes() {
    TypedResult<Boolean> r = el.evaluateBoolean(el.parse("=status"), vars("status", "\"open\""));

    assertThat(r.isFailure()).isTrue();
    assertThat(r.failure())
        .isEqualTo("Expected result of the expression 'status' to be 'BOOLEAN', but was 'STRING'.");
    assertThat(el.evaluateBoolean(el.parse("=x > 1"), vars("x", "5")).value()).isTrue();
    assertThat(el.evaluateBoolean(el.parse("true"), VariableLookup.empty()).failure())
        .isEqualTo("Expected result of the expression 'true' to be 'BOOLEAN', but was 'STRING'.");
  }

  @Test
  void missingVariableIsNullWithWarningNotAFailure() {
    EvaluationResult r = el.evaluate(el.parse("=foo.bar"), VariableLookup.empty());

    assertThat(r.isFailure()).isFalse();
    assertThat(r.value()).isNull();
    assertThat(r.warnings()).containsExactly("[NO_VARIABLE_FOUND] No variable found with name 'foo'");
    // a typed helper turns it into a failure that says why
    assertThat(el.evaluateJsonObject(el.parse("=foo.bar"), VariableLookup.empty()).failure())
        .isEqualTo(
            "Expected result of the expression 'foo.bar' to be 'OBJECT', but was 'NULL'."
                + " The evaluation reported the following warnings:\n"
                + "[NO_VARIABLE_FOUND] No variable found with name 'foo'");
    assertThat(el.evaluateBoolean(el.parse("=amount > 100"), VariableLookup.empty()).failure())
        .startsWith("Expected result of the expression 'amount > 100' to be 'BOOLEAN', but was 'NULL'.")
        .contains("No variable found with name 'amount'");
  }

  @Test
  void variableHoldingJsonNullIsPresent() {
    assertThat(el.evaluate("=x = null", vars("x", "null")).value()).isEqualTo(true);
    assertThat(el.evaluate("=x = null", vars("x", "null")).warnings()).isEmpty();
  }

  @Test
  void onlyReferencedVariablesAreLookedUpAndParsed() {
    List<String> asked = new ArrayList<>();
    VariableLookup lookup =
        name -> {
          asked.add(name);
          return switch (name) {
            case "a" -> "{\"n\": 41}";
            case "broken" -> "{this is not json";
            default -> null;
          };
        };

    EvaluationResult r = el.evaluate(el.parse("=a.n + a.n - a.n + 1"), lookup);

    assertThat(r.failure()).isNull();
    assertThat(r.value()).isEqualTo(42L);
    assertThat(asked).containsExactly("a");
  }

  @Test
  void referencedVariableWithInvalidJsonFailsNamingIt() {
    EvaluationResult r = el.evaluate(el.parse("=broken.x"), vars("broken", "{oops"));

    assertThat(r.isFailure()).isTrue();
    assertThat(r.failure())
        .startsWith("failed to evaluate expression 'broken.x': the variable 'broken' does not hold valid JSON");
  }

  @Test
  void assertionFailureIsAFailureNamingTheExpression() {
    EvaluationResult r =
        el.evaluate(el.parse("=assert(x, x > 0, \"x must be positive\")"), vars("x", "-1"));

    assertThat(r.isFailure()).isTrue();
    assertThat(r.failure())
        .contains("'assert(x, x > 0, \"x must be positive\")'")
        .contains("x must be positive");
  }

  @Test
  void numbersAndStrings() {
    assertThat(el.evaluateLong(el.parse("3"), VariableLookup.empty()).value()).isEqualTo(3L);
    assertThat(el.evaluateLong(el.parse("=retries + 1"), vars("retries", "4")).value())
        .isEqualTo(5L);
    assertThat(el.evaluateLong(el.parse("=\"five\""), VariableLookup.empty()).failure())
        .isEqualTo("Expected result of the expression '\"five\"' to be 'NUMBER', but was 'STRING'.");
    assertThat(el.evaluateString(el.parse("=\"job-\" + kind"), vars("kind", "\"mail\"")).value())
        .isEqualTo("job-mail");
    assertThat(el.evaluateString(el.parse("=orderId"), vars("orderId", "42")).failure())
        .isEqualTo("Expected result of the expression 'orderId' to be 'STRING', but was 'NUMBER'.");
    assertThat(el.evaluateStringOrNumber(el.parse("=orderId"), vars("orderId", "42")).value())
        .isEqualTo("42");
    assertThat(el.evaluateStringOrNumber(el.parse("=flag"), vars("flag", "true")).failure())
        .isEqualTo(
            "Expected result of the expression 'flag' to be one of '[STRING, NUMBER]', but was 'BOOLEAN'.");
    // fractions survive as numbers
    assertThat(el.evaluate("=price * 2", vars("price", "0.1")).value()).isEqualTo(0.2);
  }

  @Test
  void stringListAcceptsListsAndCommaSeparatedText() {
    VariableLookup none = VariableLookup.empty();
    assertThat(el.evaluateStringList(el.parse("sales, ops ,  finance"), none).value())
        .containsExactly("sales", "ops", "finance");
    assertThat(el.evaluateStringList(el.parse("=[\"a\", \"b\"]"), none).value())
        .containsExactly("a", "b");
    assertThat(el.evaluateStringList(el.parse("=groups"), vars("groups", "\"x,y\"")).value())
        .containsExactly("x", "y");
    assertThat(el.evaluateStringList(el.parse("=[\"a\", 1]"), none).failure())
        .startsWith(
            "Expected result of the expression '[\"a\", 1]' to be 'ARRAY' containing 'STRING' items");
    assertThat(el.evaluateStringList(el.parse("=5"), none).failure())
        .isEqualTo(
            "Expected result of the expression '5' to be one of '[ARRAY, STRING]', but was 'NUMBER'.");
  }

  @Test
  void cycleFunctionBuildsRepeatingInterval() {
    assertThat(el.evaluate("=cycle(duration(\"PT1H\"))", VariableLookup.empty()).value())
        .isEqualTo("R/PT1H");
    assertThat(el.evaluate("=cycle(3, duration(\"P1D\"))", VariableLookup.empty()).value())
        .isEqualTo("R3/P1D");
  }

  @Test
  void jsonUtilitiesRoundTripPlainValues() {
    Object value = ExpressionLanguage.fromJson("{\"b\":1,\"a\":[1.5,\"x\",null,true]}");

    assertThat(value).isEqualTo(Map.of("b", 1, "a", java.util.Arrays.asList(new java.math.BigDecimal("1.5"), "x", null, true)));
    assertThat(ExpressionLanguage.toJson(value)).isEqualTo("{\"b\":1,\"a\":[1.5,\"x\",null,true]}");
    assertThat(ExpressionLanguage.toJson(java.time.Duration.ofDays(1))).isEqualTo("\"P1D\"");
    assertThat(ExpressionLanguage.toJson(java.time.Duration.ofMinutes(90))).isEqualTo("\"PT1H30M\"");
    assertThat(ExpressionLanguage.toJson(Instant.parse("2026-01-01T10:00:00Z")))
        .isEqualTo("\"2026-01-01T10:00:00Z\"");
  }
}
