package io.caseway.app.casefile;

public enum CaseStatus {
  /** Opened, but no caseworker had capacity yet: the case is on the waiting list. */
  AWAITING_COACH,
  ACTIVE,
  CLOSED
}
