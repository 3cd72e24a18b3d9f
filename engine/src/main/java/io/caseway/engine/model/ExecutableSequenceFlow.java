package io.caseway.engine.model;

import io.caseway.engine.expression.Expression;

/** A sequence flow between two flow nodes, with an optional condition. */
public final class ExecutableSequenceFlow {
  final String id;
  ExecutableElement source;
  ExecutableElement target;
  Expression condition;

  ExecutableSequenceFlow(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public ExecutableElement source() {
    return source;
  }

  public ExecutableElement target() {
    return target;
  }

  public Expression condition() {
    return condition;
  }
}
