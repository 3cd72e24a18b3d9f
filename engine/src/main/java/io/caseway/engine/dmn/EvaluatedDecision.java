package io.caseway.engine.dmn;

import java.util.List;

/**
 * One decision evaluated while evaluating the requested decision (required decisions come first).
 *
 * @param decisionType DECISION_TABLE, LITERAL_EXPRESSION, CONTEXT, LIST, RELATION, INVOCATION,
 *     FUNCTION_DEFINITION or UNKNOWN
 * @param outputJson the decision's result as JSON ({@code null} if no rule matched or it failed)
 * @param evaluatedInputs the inputs of a decision table (empty for other decision types)
 * @param matchedRules the matched rules of a decision table in rule order (empty for others)
 */
public record EvaluatedDecision(
    String decisionId,
    String decisionName,
    String decisionType,
    String outputJson,
    List<EvaluatedInput> evaluatedInputs,
    List<MatchedRule> matchedRules) {

  public EvaluatedDecision {
    evaluatedInputs = List.copyOf(evaluatedInputs);
    matchedRules = List.copyOf(matchedRules);
  }
}
