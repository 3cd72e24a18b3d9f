package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

public enum DecisionRequirementsIntent implements Intent {
  CREATED(true),
  DELETED(true);

  private final boolean event;

  DecisionRequirementsIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
