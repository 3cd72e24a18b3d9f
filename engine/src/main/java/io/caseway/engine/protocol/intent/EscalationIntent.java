package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

/** What became of a thrown escalation: caught by a boundary event or event sub-process, or by nobody. */
public enum EscalationIntent implements Intent {
  ESCALATED,
  NOT_ESCALATED;

  @Override
  public boolean isEvent() {
    return true;
  }
}
