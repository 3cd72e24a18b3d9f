package io.caseway.engine.processing;

import io.caseway.engine.protocol.Intent;
import io.caseway.engine.protocol.RejectionType;

/** A command was refused; carries the rejection type (mapped to a gRPC or HTTP status) and reason. */
public final class CommandRejectedException extends RuntimeException {
  private final Intent intent;
  private final RejectionType type;
  private final String reason;

  public CommandRejectedException(Intent intent, RejectionType type, String reason) {
    super("Command '" + intent.name() + "' rejected with code '" + type + "': " + reason, null, false, false);
    this.intent = intent;
    this.type = type;
    this.reason = reason;
  }

  public Intent intent() {
    return intent;
  }

  public RejectionType type() {
    return type;
  }

  public String reason() {
    return reason;
  }
}
