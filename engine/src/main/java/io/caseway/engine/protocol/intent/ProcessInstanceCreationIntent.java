package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

public enum ProcessInstanceCreationIntent implements Intent {
  CREATE(false),
  CREATE_WITH_AWAITING_RESULT(false),
  CREATED(true);

  private final boolean event;

  ProcessInstanceCreationIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
