package io.caseway.engine.dmn;

/**
 * The outcome of {@link DecisionEngine#parse(byte[])}: a parsed DRG, or a failure message plus the
 * id of the decision holding the problem when it can be told (null otherwise).
 */
public record ParseResult(ParsedDrg drg, String failure, String failedDecisionId) {

  static ParseResult success(ParsedDrg drg) {
    return new ParseResult(drg, null, null);
  }

  static ParseResult failed(String failure, String failedDecisionId) {
    return new ParseResult(null, failure, failedDecisionId);
  }

  public boolean isFailure() {
    return failure != null;
  }

  public boolean isSuccess() {
    return failure == null;
  }
}
