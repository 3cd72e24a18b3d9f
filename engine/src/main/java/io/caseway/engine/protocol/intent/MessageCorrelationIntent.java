package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

/**
 * CorrelateMessage (REST {@code POST /v2/messages/correlation}): publish a message that is not
 * buffered and answer with the process instance it reached. CORRELATED records that answer.
 */
public enum MessageCorrelationIntent implements Intent {
  CORRELATE(false),
  CORRELATED(true);

  private final boolean event;

  MessageCorrelationIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
