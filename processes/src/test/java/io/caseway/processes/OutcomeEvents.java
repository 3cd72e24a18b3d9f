package io.caseway.processes;

import io.camunda.process.test.api.assertions.ProcessInstanceAssert;
import java.time.LocalDate;

/** The contract of the job type record-outcome, as the app's outcome module reads it. */
final class OutcomeEvents {
  private OutcomeEvents() {}

  /** The element handed the outcome module one outcome event: its type, the case and the day it happened. */
  static ProcessInstanceAssert assertRecorded(ProcessInstanceAssert instance, String elementId, String outcomeType,
      String caseId, LocalDate occurredOn) {
    return instance.hasLocalVariable(elementId, "outcomeType", outcomeType)
        .hasLocalVariable(elementId, "caseId", caseId)
        .hasLocalVariable(elementId, "occurredOn", occurredOn.toString());
  }
}
