package io.caseway.engine.expression;

import java.util.List;

/**
 * The outcome of evaluating an {@link Expression}: a plain Java value (see {@link
 * ExpressionLanguage}) or a failure message, plus the warnings FEEL reported while evaluating (for
 * example {@code [NO_VARIABLE_FOUND] No variable found with name 'x'}), which the engine may log.
 */
public record EvaluationResult(Object value, String failure, List<String> warnings) {

  public EvaluationResult {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  public EvaluationResult(Object value, String failure) {
    this(value, failure, List.of());
  }

  public static EvaluationResult success(Object value) {
    return new EvaluationResult(value, null, List.of());
  }

  public static EvaluationResult failed(String failure) {
    return new EvaluationResult(null, failure, List.of());
  }

  public boolean isFailure() {
    return failure != null;
  }

  public boolean isSuccess() {
    return failure == null;
  }

  /** The value's type as Zeebe names it in messages: NULL, BOOLEAN, NUMBER, STRING, OBJECT, ... */
  public String type() {
    return ExpressionLanguage.typeName(value);
  }
}
