package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

public enum ClockIntent implements Intent {
  PIN(false),
  ADD_OFFSET(false),
  RESET(false),
  PINNED(true),
  OFFSET_ADDED(true),
  RESETTED(true);

  private final boolean event;

  ClockIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
