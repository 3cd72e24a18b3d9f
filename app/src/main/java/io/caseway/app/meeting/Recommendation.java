package io.caseway.app.meeting;

import java.util.Map;
import java.util.TreeSet;

/** What a roundtable recommends and what the authority decides: the next effort for the citizen. */
public enum Recommendation {
  JOB_DIRECTED_EFFORT,
  INTERDISCIPLINARY_UNIT,
  RETRAINING,
  FLEX_JOB,
  DEVELOPMENT_FLEX_JOB,
  EARLY_RETIREMENT_PENSION,
  FURTHER_CLARIFICATION;

  /** The journeys' values (forms and gateways), e.g. {@code development-flex-job}. */
  private static final Map<String, Recommendation> BY_PROCESS_VALUE = Map.of(
      "job-directed", JOB_DIRECTED_EFFORT,
      "interdisciplinary-unit", INTERDISCIPLINARY_UNIT,
      "retraining", RETRAINING,
      "flex-job", FLEX_JOB,
      "development-flex-job", DEVELOPMENT_FLEX_JOB,
      "early-retirement-pension", EARLY_RETIREMENT_PENSION,
      "further-clarification", FURTHER_CLARIFICATION);

  /** @throws IllegalArgumentException naming the value when the journeys have no such choice */
  public static Recommendation fromProcessValue(String value) {
    Recommendation r = value == null ? null : BY_PROCESS_VALUE.get(value.strip());
    if (r == null) {
      throw new IllegalArgumentException("'" + value + "' is not one of " + new TreeSet<>(BY_PROCESS_VALUE.keySet()));
    }
    return r;
  }

  public String processValue() {
    return BY_PROCESS_VALUE.entrySet().stream().filter(e -> e.getValue() == this).findFirst().orElseThrow().getKey();
  }
}
