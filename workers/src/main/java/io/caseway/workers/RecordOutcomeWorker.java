package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;

/**
 * Job type {@code record-outcome}: one outcome event for the outcome module (see docs/journeys.md).
 *
 * <p>Reads {@code caseId}, {@code outcomeType}, {@code occurredOn} (ISO date) and, from the annual
 * review, {@code lastingSolution}; completes without variables. An unknown case, outcome type or a
 * date that is not one is BPMN error {@value #OUTCOME_NOT_RECORDED}.
 */
public class RecordOutcomeWorker {
  public static final String JOB_TYPE = "record-outcome";
  public static final String OUTCOME_NOT_RECORDED = "OUTCOME_NOT_RECORDED";

  public record Input(String caseId, String outcomeType, String occurredOn, String lastingSolution) {}

  private final OutcomeRecords outcomes;

  public RecordOutcomeWorker(OutcomeRecords outcomes) {
    this.outcomes = outcomes;
  }

  @JobWorker(type = JOB_TYPE)
  public void recordOutcome(@VariablesAsType Input input) {
    try {
      outcomes.record(input.caseId(), OutcomeRecords.OutcomeType.fromProcessValue(input.outcomeType()),
          JobDates.parse(input.occurredOn(), "occurredOn"), input.lastingSolution());
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(OUTCOME_NOT_RECORDED, e.getMessage());
    }
  }
}
