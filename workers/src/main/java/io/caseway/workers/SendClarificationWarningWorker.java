package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;
import io.caseway.workers.ClarificationWarnings.Warning;
import java.util.Locale;

/**
 * Job type {@code send-clarification-warning}: warns the coach that the clarification deadline is
 * coming.
 *
 * <p>Reads {@code caseId} and {@code warning} ({@code first} or {@code second}); completes without
 * variables. An unknown case is BPMN error {@value #CASE_NOT_FOUND}; another warning value is
 * {@value #UNKNOWN_WARNING}.
 */
public class SendClarificationWarningWorker {
  public static final String JOB_TYPE = "send-clarification-warning";
  public static final String CASE_NOT_FOUND = "CASE_NOT_FOUND";
  public static final String UNKNOWN_WARNING = "UNKNOWN_WARNING";

  public record Input(String caseId, String warning) {}

  private final ClarificationWarnings warnings;

  public SendClarificationWarningWorker(ClarificationWarnings warnings) {
    this.warnings = warnings;
  }

  @JobWorker(type = JOB_TYPE)
  public void sendClarificationWarning(@VariablesAsType Input input) {
    Warning warning = switch (input.warning() == null ? "" : input.warning().strip().toLowerCase(Locale.ROOT)) {
      case "first" -> Warning.FIRST;
      case "second" -> Warning.SECOND;
      default -> throw CamundaError.bpmnError(UNKNOWN_WARNING,
          "The warning must be 'first' or 'second', not '" + input.warning() + "'");
    };
    try {
      warnings.warn(input.caseId(), warning);
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(CASE_NOT_FOUND, e.getMessage());
    }
  }
}
