package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

public enum VariableIntent implements Intent {
  CREATED(true),
  UPDATED(true);

  private final boolean event;

  VariableIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
