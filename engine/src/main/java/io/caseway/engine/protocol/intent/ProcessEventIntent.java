package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

public enum ProcessEventIntent implements Intent {
  TRIGGERING,
  TRIGGERED;

  @Override
  public boolean isEvent() {
    return true;
  }
}
