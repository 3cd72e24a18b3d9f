package io.caseway.workers;

import java.time.LocalDate;

/**
 * The outcome module as the journeys feed it: into work, sustained at 13 and 26 weeks, a lasting
 * solution. Idempotent per case, outcome type and date; a case has one lasting solution.
 */
public interface OutcomeRecords {
  /** The outcome types the journeys send (variable {@code outcomeType}). */
  enum OutcomeType {
    INTO_WORK("into-work"),
    SUSTAINED_13_WEEKS("sustained-13-weeks"),
    SUSTAINED_26_WEEKS("sustained-26-weeks"),
    LASTING_SOLUTION("lasting-solution");

    private final String processValue;

    OutcomeType(String processValue) {
      this.processValue = processValue;
    }

    public String processValue() {
      return processValue;
    }

    /** @throws InvalidReferralException naming the value when the journeys have no such outcome */
    public static OutcomeType fromProcessValue(String value) {
      for (OutcomeType t : values()) {
        if (t.processValue.equals(value)) {
          return t;
        }
      }
      throw new InvalidReferralException("'" + value + "' is not an outcome type (into-work, sustained-13-weeks,"
          + " sustained-26-weeks, lasting-solution)");
    }
  }

  /**
   * @param lastingSolution for a lasting solution found at an annual review: work, flex-job or
   *     early-retirement-pension; otherwise null
   * @throws InvalidReferralException if the case does not exist
   */
  void record(String caseId, OutcomeType type, LocalDate occurredOn, String lastingSolution);
}
