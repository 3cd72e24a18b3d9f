package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

public enum ProcessIntent implements Intent {
  CREATED(true),
  DELETED(true);

  private final boolean event;

  ProcessIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
