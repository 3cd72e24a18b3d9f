package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

public enum MessageIntent implements Intent {
  PUBLISH(false),
  EXPIRE(false),
  PUBLISHED(true),
  EXPIRED(true);

  private final boolean event;

  MessageIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
