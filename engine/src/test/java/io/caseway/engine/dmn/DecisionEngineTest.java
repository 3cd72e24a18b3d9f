package io.caseway.engine.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseway.engine.expression.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DecisionEngineTest {

  private static final DecisionEngine ENGINE = new DecisionEngine();
  private static ParsedDrg shipping;
  private static ParsedDrg risk;

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = DecisionEngineTest.class.getResourceAsStream("/dmn/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  private static ParsedDrg parse(String name) throws IOException {
    ParseResult r = ENGINE.parse(resource(name));
    assertThat(r.failure()).isNull();
    return r.drg();
  }

  @BeforeAll
  static void parseResources() throws IOException {
    shipping = parse("shipping.dmn");
    risk = parse("failing.dmn");
  }

  private static Object json(String text) {
    return Json.fromJson(text);
  }

  @Test
  void parsedDrgDescribesDefinitionsAndDecisions() {
    assertThat(shipping.drgId()).isEqualTo("shipping-drg");
    assertThat(shipping.drgName()).isEqualTo("Shipping rules");
    assertThat(shipping.namespace()).isEqualTo("http://caseway.io/dmn/shipping");
    assertThat(shipping.decisions())
        .containsExactly(
            new DecisionInfo("customerTier", "Customer tier"),
            new DecisionInfo("shippingMethod", "Shipping method"),
            new DecisionInfo("notificationChannels", "Notification channels"),
            new DecisionInfo("discount", "Discount"),
            new DecisionInfo("handlingFee", "Handling fee"));
  }

  @Test
  void uniqueHitPolicyWithAuditDetails() {
    DecisionResult r = ENGINE.evaluate(shipping, "customerTier", "{\"orderTotal\": 500}");

    assertThat(r.failure()).isNull();
    assertThat(r.decisionName()).isEqualTo("Customer tier");
    assertThat(r.outputJson()).isEqualTo("\"silver\"");
    assertThat(r.evaluatedDecisions()).hasSize(1);
    EvaluatedDecision d = r.evaluatedDecisions().getFirst();
    assertThat(d.decisionType()).isEqualTo("DECISION_TABLE");
    assertThat(d.outputJson()).isEqualTo("\"silver\"");
    assertThat(d.evaluatedInputs())
        .containsExactly(new EvaluatedInput("orderTotalInput", "Order total", "500"));
    assertThat(d.matchedRules())
        .containsExactly(
            new MatchedRule(
                "tierSilver", 2, java.util.List.of(new EvaluatedOutput("tierOutput", "tier", "\"silver\""))));
  }

  @Test
  void firstHitPolicyWithRequiredDecision() {
    // silver customer with a heavy parcel: rules 2 (heavy) and 3 (default) match, FIRST takes rule 2
    DecisionResult r =
        ENGINE.evaluate(shipping, "shippingMethod", "{\"orderTotal\": 500, \"weight\": 30}");

    assertThat(r.failure()).isNull();
    assertThat(r.outputJson()).isEqualTo("{\"method\":\"freight\",\"cost\":49.5}");
    assertThat(r.evaluatedDecisions())
        .extracting(EvaluatedDecision::decisionId)
        .containsExactly("customerTier", "shippingMethod");
    EvaluatedDecision method = r.evaluatedDecisions().get(1);
    assertThat(method.evaluatedInputs())
        .extracting(EvaluatedInput::inputName, EvaluatedInput::valueJson)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Customer tier", "\"silver\""),
            org.assertj.core.groups.Tuple.tuple("Weight (kg)", "30"));
    assertThat(method.matchedRules()).extracting(MatchedRule::ruleId).containsExactly("shipHeavy");
    assertThat(method.matchedRules().getFirst().ruleIndex()).isEqualTo(2);
    assertThat(method.matchedRules().getFirst().evaluatedOutputs())
        .containsExactly(
            new EvaluatedOutput("methodOutput", "method", "\"freight\""),
            new EvaluatedOutput("costOutput", "cost", "49.5"));

    // a gold customer gets rule 1 whatever the weight
    assertThat(ENGINE.evaluate(shipping, "shippingMethod", "{\"orderTotal\": 5000, \"weight\": 30}").outputJson())
        .isEqualTo("{\"method\":\"express\",\"cost\":0}");
  }

  @Test
  void collectHitPolicyListsAllMatches() {
    DecisionResult gold = ENGINE.evaluate(shipping, "notificationChannels", "{\"orderTotal\": 1500}");

    assertThat(json(gold.outputJson())).isEqualTo(json("[\"email\",\"sms\",\"phone\"]"));
    assertThat(gold.evaluatedDecisions().getLast().matchedRules())
        .extracting(MatchedRule::ruleIndex)
        .containsExactly(1, 2, 3);
    assertThat(ENGINE.evaluate(shipping, "notificationChannels", "{\"orderTotal\": 10}").outputJson())
        .isEqualTo("[\"email\"]");
  }

  @Test
  void collectWithSumAggregation() {
    assertThat(ENGINE.evaluate(shipping, "handlingFee", "{\"weight\": 12}").outputJson())
        .isEqualTo("7.5");
    assertThat(ENGINE.evaluate(shipping, "handlingFee", "{\"weight\": 1}").outputJson())
        .isEqualTo("2");
  }

  @Test
  void literalExpressionUsesRequiredDecisionById() {
    DecisionResult r = ENGINE.evaluate(shipping, "discount", "{\"orderTotal\": 2000}");

    assertThat(r.outputJson()).isEqualTo("0.1");
    EvaluatedDecision discount = r.evaluatedDecisions().getLast();
    assertThat(discount.decisionType()).isEqualTo("LITERAL_EXPRESSION");
    assertThat(discount.evaluatedInputs()).isEmpty();
    assertThat(discount.matchedRules()).isEmpty();
  }

  @Test
  void noMatchingRuleGivesNull() {
    DecisionResult r = ENGINE.evaluate(shipping, "customerTier", "{}");

    assertThat(r.failure()).isNull();
    assertThat(r.outputJson()).isEqualTo("null");
    assertThat(r.evaluatedDecisions().getFirst().evaluatedInputs().getFirst().valueJson())
        .isEqualTo("null");
  }

  @Test
  void brokenXmlIsAParseFailureWithTheXmlError() throws IOException {
    ParseResult r = ENGINE.parse(resource("broken.dmn"));

    assertThat(r.isFailure()).isTrue();
    assertThat(r.drg()).isNull();
    assertThat(r.failure()).startsWith("Failed to parse DMN").contains("XML error at line");
    assertThat(ENGINE.parse("not xml at all".getBytes(StandardCharsets.UTF_8)).isFailure()).isTrue();
  }

  @Test
  void invalidExpressionIsAParseFailureNamingTheDecision() throws IOException {
    ParseResult r = ENGINE.parse(resource("invalid-expression.dmn"));

    assertThat(r.isFailure()).isTrue();
    assertThat(r.failedDecisionId()).isEqualTo("badSyntax");
    assertThat(r.failure()).startsWith("Failed to parse decision 'badSyntax': ").contains("> 10 +");
  }

  @Test
  void evaluationFailureNamesTheFailingRequiredDecision() {
    DecisionResult r = ENGINE.evaluate(risk, "approval", "{\"score\": 90}");

    assertThat(r.isFailure()).isTrue();
    assertThat(r.outputJson()).isNull();
    assertThat(r.failedDecisionId()).isEqualTo("riskLevel");
    assertThat(r.failure())
        .startsWith(
            "Expected to evaluate decision 'approval', but failed to evaluate decision 'riskLevel':"
                + " multiple values aren't allowed for UNIQUE hit policy");
    assertThat(r.evaluatedDecisions()).extracting(EvaluatedDecision::decisionId).containsExactly("riskLevel");
    assertThat(r.evaluatedDecisions().getFirst().matchedRules())
        .extracting(MatchedRule::ruleId)
        .containsExactly("riskHigh", "riskVeryHigh");

    assertThat(ENGINE.evaluate(risk, "approval", "{\"score\": 10}").outputJson()).isEqualTo("true");
  }

  @Test
  void evaluationFailureOfTheRequestedDecision() {
    DecisionResult r = ENGINE.evaluate(risk, "lookup", "{}");

    assertThat(r.failedDecisionId()).isEqualTo("lookup");
    assertThat(r.failure()).contains("customer is required");
  }

  @Test
  void unknownDecisionAndBadVariables() {
    DecisionResult unknown = ENGINE.evaluate(risk, "nope", "{}");
    assertThat(unknown.failure()).contains("no decision found with id 'nope'");
    assertThat(unknown.failedDecisionId()).isEqualTo("nope");

    DecisionResult badVariables = ENGINE.evaluate(risk, "riskLevel", "[1,2]");
    assertThat(badVariables.failure())
        .isEqualTo(
            "Expected to evaluate decision 'riskLevel', but the variables are not a JSON object:"
                + " expected a JSON object but found ARRAY");
  }
}
