package io.caseway.engine.model;

import io.caseway.engine.expression.Expression;

/** A timer event definition: one of timeDate, timeDuration or timeCycle, as an expression. */
public record TimerDefinition(Kind kind, Expression expression) {
  public enum Kind {
    DATE,
    DURATION,
    CYCLE
  }
}
