package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

public enum FormIntent implements Intent {
  CREATED(true),
  DELETED(true);

  private final boolean event;

  FormIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
