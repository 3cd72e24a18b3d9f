package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

public enum ResourceDeletionIntent implements Intent {
  DELETE(false),
  DELETED(true);

  private final boolean event;

  ResourceDeletionIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
