package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

/** Activating inner elements of a running ad-hoc sub-process (the activation API). */
public enum AdHocSubProcessInstructionIntent implements Intent {
  ACTIVATE(false),
  ACTIVATED(true),
  /** The job worker of an ad-hoc sub-process fulfilled its completion condition. */
  COMPLETED(true);

  private final boolean event;

  AdHocSubProcessInstructionIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
