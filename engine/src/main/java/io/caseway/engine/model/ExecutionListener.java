package io.caseway.engine.model;

import io.caseway.engine.expression.Expression;

/**
 * An execution listener of an element: a job of {@code type} that a worker completes before the
 * element does its work ({@code START}) or before it completes ({@code END}); the element waits.
 */
public record ExecutionListener(String eventType, Expression type, Expression retries) {
  public static final String START = "START";
  public static final String END = "END";
}
