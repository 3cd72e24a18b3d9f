package io.caseway.engine.dmn;

import java.util.List;

/** A rule of a decision table that matched: its id, its 1-based position and its outputs. */
public record MatchedRule(String ruleId, int ruleIndex, List<EvaluatedOutput> evaluatedOutputs) {

  public MatchedRule {
    evaluatedOutputs = List.copyOf(evaluatedOutputs);
  }
}
