package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

/** Broadcasting a signal: to every signal start event and every waiting signal catch event of its name. */
public enum SignalIntent implements Intent {
  BROADCAST(false),
  BROADCASTED(true);

  private final boolean event;

  SignalIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
