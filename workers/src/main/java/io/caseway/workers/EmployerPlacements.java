package io.caseway.workers;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Placements with employers as the flex-job journeys run them: started, checked at their
 * milestones, ended. Each call is idempotent.
 */
public interface EmployerPlacements {
  /** The placements the journeys start (variable {@code placementKind}). */
  enum Kind {
    FLEX_JOB("flex-job"),
    DEVELOPMENT_FLEX_JOB("development-flex-job");

    private final String processValue;

    Kind(String processValue) {
      this.processValue = processValue;
    }

    /** @throws InvalidReferralException naming the value when the journeys start no such placement */
    public static Kind fromProcessValue(String value) {
      for (Kind k : values()) {
        if (k.processValue.equals(value)) {
          return k;
        }
      }
      throw new InvalidReferralException("'" + value + "' is not a placement kind (flex-job, development-flex-job)");
    }
  }

  /**
   * Starts the placement today: a flex job fills {@code vacancyId}, a development flex job is with
   * {@code employerId}. The same {@code startKey} (the job that asked) starts one placement only.
   *
   * @return the day the placement starts
   * @throws InvalidReferralException if the case, the vacancy or the employer does not exist, the
   *     vacancy is filled or cannot be a flex job, or there are no hours
   */
  LocalDate start(String caseId, Kind kind, String vacancyId, String employerId, BigDecimal weeklyHours,
      long startKey);

  /**
   * Records whether the case's latest flex job is still going at the milestone, as of the day it fell
   * due; a milestone already recorded keeps its answer.
   *
   * @return whether the job is sustained
   * @throws InvalidReferralException if the case has no flex job
   */
  boolean recordSustainment(String caseId, int weeks);

  /** Ends the case's open placement of that kind today; none open is nothing to do. */
  void end(String caseId, Kind kind);
}
