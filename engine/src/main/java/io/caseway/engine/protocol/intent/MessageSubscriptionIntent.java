package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

public enum MessageSubscriptionIntent implements Intent {
  CREATED(true),
  CORRELATED(true),
  DELETED(true);

  private final boolean event;

  MessageSubscriptionIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
