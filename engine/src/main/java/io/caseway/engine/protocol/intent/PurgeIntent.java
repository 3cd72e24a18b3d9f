package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

/** Wiping all process data (Camunda Process Test's cluster purge between tests). */
public enum PurgeIntent implements Intent {
  PURGE(false),
  PURGED(true);

  private final boolean event;

  PurgeIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
