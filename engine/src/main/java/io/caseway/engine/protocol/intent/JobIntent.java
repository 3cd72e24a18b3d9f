package io.caseway.engine.protocol.intent;

import io.caseway.engine.protocol.Intent;

public enum JobIntent implements Intent {
  COMPLETE(false),
  TIME_OUT(false),
  FAIL(false),
  UPDATE_RETRIES(false),
  THROW_ERROR(false),
  RECUR_AFTER_BACKOFF(false),
  UPDATE_TIMEOUT(false),
  YIELD(false),
  /** Retries and timeout together (REST PATCH /v2/jobs/{key} with both in its changeset). */
  UPDATE(false),
  CREATED(true),
  COMPLETED(true),
  TIMED_OUT(true),
  FAILED(true),
  RETRIES_UPDATED(true),
  CANCELED(true),
  ERROR_THROWN(true),
  RECURRED_AFTER_BACKOFF(true),
  TIMEOUT_UPDATED(true),
  YIELDED(true);

  private final boolean event;

  JobIntent(boolean event) {
    this.event = event;
  }

  @Override
  public boolean isEvent() {
    return event;
  }
}
