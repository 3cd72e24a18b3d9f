package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

/** A signal start event of a deployed process, or a waiting signal catch or boundary event. */
public enum SignalSubscriptionIntent implements Intent {
  CREATED(true),
  DELETED(true);

  private final boolean event;

  SignalSubscriptionIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
