package io.caseway.app.shared;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The efforts a plan can choose, by the values the journeys use (the plan, minutes and decision
 * forms, and the clarification guarantee's routing on {@code planChoice}). Features map them to
 * their own types: the roundtable's recommendation, the plan's type.
 */
public enum PlanChoice {
  JOB_DIRECTED("job-directed"),
  INTERDISCIPLINARY_UNIT("interdisciplinary-unit"),
  RETRAINING("retraining"),
  FLEX_JOB("flex-job"),
  DEVELOPMENT_FLEX_JOB("development-flex-job"),
  EARLY_RETIREMENT_PENSION("early-retirement-pension");

  private final String processValue;

  PlanChoice(String processValue) {
    this.processValue = processValue;
  }

  public String processValue() {
    return processValue;
  }

  /** @throws IllegalArgumentException naming the value and the choices when the journeys have no such choice */
  public static PlanChoice fromProcessValue(String value) {
    String v = value == null ? "" : value.strip();
    return Arrays.stream(values()).filter(c -> c.processValue.equals(v)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not one of "
            + Arrays.stream(values()).map(PlanChoice::processValue).collect(Collectors.joining(", "))));
  }
}
