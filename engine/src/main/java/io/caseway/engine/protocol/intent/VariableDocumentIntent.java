package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

public enum VariableDocumentIntent implements Intent {
  UPDATE(false),
  UPDATED(true);

  private final boolean event;

  VariableDocumentIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
