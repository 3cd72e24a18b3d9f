package io.caseway.app.casefile;

/** How a case ends well: the outcome that stops the annual reviews. */
public enum LastingSolution {
  ORDINARY_WORK,
  FLEX_JOB,
  EDUCATION,
  EARLY_RETIREMENT_PENSION,
  OTHER
}
