package io.caseway.engine.processing;

import io.caseway.engine.protocol.RejectionType;

/**
 * Thrown by a processor to refuse a command before it wrote any event. The loop turns it into a
 * rejection record and a response; the state is untouched.
 */
public final class Rejection extends RuntimeException {
  private final RejectionType type;

  public Rejection(RejectionType type, String reason) {
    super(reason, null, false, false);
    this.type = type;
  }

  public RejectionType type() {
    return type;
  }

  public static Rejection notFound(String reason) {
    return new Rejection(RejectionType.NOT_FOUND, reason);
  }

  public static Rejection invalidArgument(String reason) {
    return new Rejection(RejectionType.INVALID_ARGUMENT, reason);
  }

  public static Rejection invalidState(String reason) {
    return new Rejection(RejectionType.INVALID_STATE, reason);
  }
}
