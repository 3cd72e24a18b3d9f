package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

public enum DecisionEvaluationIntent implements Intent {
  EVALUATE(false),
  EVALUATED(true),
  FAILED(true);

  private final boolean event;

  DecisionEvaluationIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
