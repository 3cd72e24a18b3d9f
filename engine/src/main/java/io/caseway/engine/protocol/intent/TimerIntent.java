package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

public enum TimerIntent implements Intent {
  TRIGGER(false),
  CREATED(true),
  TRIGGERED(true),
  CANCELED(true);

  private final boolean event;

  TimerIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
