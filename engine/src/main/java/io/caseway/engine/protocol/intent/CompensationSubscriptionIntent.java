package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

/**
 * Compensation: an activity with a compensation handler completed (CREATED: it can be compensated),
 * a compensation throw event started its handler (TRIGGERED), the handler finished (COMPLETED).
 */
public enum CompensationSubscriptionIntent implements Intent {
  CREATED(true),
  TRIGGERED(true),
  COMPLETED(true);

  private final boolean event;

  CompensationSubscriptionIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
