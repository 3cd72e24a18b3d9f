package io.caseway.workers;

/**
 * Warns the case's coach that the clarification deadline (an assessment and a plan within the
 * rule set's limit from the benefit start) is coming. Idempotent: each warning once per case.
 */
public interface ClarificationWarnings {

  /** Which of the two warnings before the deadline. */
  enum Warning {
    FIRST,
    SECOND
  }

  /** @throws InvalidReferralException if the case does not exist */
  void warn(String caseId, Warning warning);
}
