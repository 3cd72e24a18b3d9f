package io.caseway.workers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** ISO dates as the journeys pass them; a missing or malformed one is a business failure, not a retry. */
final class JobDates {
  private JobDates() {}

  /** @throws InvalidReferralException naming the variable when the value is not an ISO date */
  static LocalDate parse(String value, String variable) {
    if (value == null) {
      throw new InvalidReferralException("The variable " + variable + " is missing");
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidReferralException("The variable " + variable + " is not an ISO date: '" + value + "'");
    }
  }
}
