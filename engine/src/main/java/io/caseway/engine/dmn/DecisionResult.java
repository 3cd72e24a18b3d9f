package io.caseway.engine.dmn;

import java.util.List;

/**
 * The outcome of {@link DecisionEngine#evaluate}: the requested decision's output as JSON text, or a
 * failure message with the id of the decision that failed (the requested one or a required one).
 * Either way {@code evaluatedDecisions} lists what was evaluated, required decisions first.
 */
public record DecisionResult(
    String decisionId,
    String decisionName,
    String outputJson,
    String failure,
    String failedDecisionId,
    List<EvaluatedDecision> evaluatedDecisions) {

  public DecisionResult {
    evaluatedDecisions = evaluatedDecisions == null ? List.of() : List.copyOf(evaluatedDecisions);
  }

  public boolean isFailure() {
    return failure != null;
  }

  public boolean isSuccess() {
    return failure == null;
  }
}
