package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

public enum JobBatchIntent implements Intent {
  ACTIVATE(false),
  ACTIVATED(true);

  private final boolean event;

  JobBatchIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
