package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

public enum UserTaskIntent implements Intent {
  ASSIGN(false),
  CLAIM(false),
  UPDATE(false),
  COMPLETE(false),
  CREATING(true),
  CREATED(true),
  ASSIGNING(true),
  ASSIGNED(true),
  UPDATING(true),
  UPDATED(true),
  COMPLETING(true),
  COMPLETED(true),
  CANCELING(true),
  CANCELED(true),
  /** A task listener corrected the task while a transition waits for its listeners. */
  CORRECTED(true),
  ASSIGNMENT_DENIED(true),
  UPDATE_DENIED(true),
  COMPLETION_DENIED(true);

  private final boolean event;

  UserTaskIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
