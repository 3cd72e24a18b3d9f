package io.caseway.app.meeting;

import io.caseway.app.shared.PlanChoice;
import java.util.Arrays;

/** What a roundtable recommends and what the authority decides: the next effort for the citizen. */
public enum Recommendation {
  JOB_DIRECTED_EFFORT(PlanChoice.JOB_DIRECTED),
  INTERDISCIPLINARY_UNIT(PlanChoice.INTERDISCIPLINARY_UNIT),
  RETRAINING(PlanChoice.RETRAINING),
  FLEX_JOB(PlanChoice.FLEX_JOB),
  DEVELOPMENT_FLEX_JOB(PlanChoice.DEVELOPMENT_FLEX_JOB),
  EARLY_RETIREMENT_PENSION(PlanChoice.EARLY_RETIREMENT_PENSION),
  /** Not a choice the journeys' forms offer. */
  FURTHER_CLARIFICATION(null);

  private final PlanChoice choice;

  Recommendation(PlanChoice choice) {
    this.choice = choice;
  }

  /** @throws IllegalArgumentException naming the value when the journeys have no such choice */
  public static Recommendation fromProcessValue(String value) {
    PlanChoice choice = PlanChoice.fromProcessValue(value);
    return Arrays.stream(values()).filter(r -> r.choice == choice).findFirst().orElseThrow();
  }

  /** The journeys' value, e.g. {@code development-flex-job}. */
  public String processValue() {
    return choice == null ? "further-clarification" : choice.processValue();
  }
}
