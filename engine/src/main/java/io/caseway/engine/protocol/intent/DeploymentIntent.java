package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

public enum DeploymentIntent implements Intent {
  CREATE(false),
  CREATED(true);

  private final boolean event;

  DeploymentIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
