package io.caseway.app.meeting;

/** What a roundtable recommends and what the authority decides: the next effort for the citizen. */
public enum Recommendation {
  JOB_DIRECTED_EFFORT,
  INTERDISCIPLINARY_UNIT,
  RETRAINING,
  FLEX_JOB,
  DEVELOPMENT_FLEX_JOB,
  EARLY_RETIREMENT_PENSION,
  FURTHER_CLARIFICATION
}
