package io.caseway.app.shared;

import io.caseway.workers.InvalidReferralException;
import java.util.UUID;

/** Ids as the journeys pass them to workers: strings, checked here so a bad one becomes a BPMN error. */
public final class JobIds {
  private JobIds() {}

  /** @throws InvalidReferralException naming what the value should have been */
  public static UUID parse(String value, String what) {
    try {
      return UUID.fromString(value == null ? "" : value.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidReferralException("'" + value + "' is not " + what);
    }
  }
}
