package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

public enum VariableDocumentIntent implements Intent {
  UPDATE(false),
  UPDATED(true),
  /** Held until the updating task listeners of the user task whose scope it is are done. */
  UPDATING(true),
  UPDATE_DENIED(true);

  private final boolean event;

  VariableDocumentIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
