package io.caseway.workers;

/**
 * Puts the plan agreed in the clarification guarantee in force on the case: a plan of the chosen
 * type, replacing the plan in force before it. Idempotent: a case whose plan in force already has
 * that type keeps it, and its id is answered again.
 */
public interface PlanChoices {

  /**
   * @param planChoice the journey's value: {@code job-directed}, {@code retraining}, {@code flex-job},
   *     {@code development-flex-job} or {@code early-retirement-pension}
   * @param planSummary what was agreed with the citizen, in their words; may be empty
   * @return the id of the plan in force
   * @throws InvalidReferralException if the case does not exist or the choice is unknown
   */
  String putInForce(String caseId, String planChoice, String planSummary);
}
