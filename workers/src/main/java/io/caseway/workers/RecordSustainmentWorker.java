package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;

/**
 * Job type {@code record-sustainment} (flex-job-placement): is the flex job still going at 13 or 26 weeks?
 *
 * <p>Reads {@code caseId} and {@code milestone} ({@code 13-weeks} or {@code 26-weeks}); completes with
 * {@code jobSustained}. Another milestone or a case without a flex job is BPMN error
 * {@value #SUSTAINMENT_NOT_RECORDED}.
 */
public class RecordSustainmentWorker {
  public static final String JOB_TYPE = "record-sustainment";
  public static final String SUSTAINMENT_NOT_RECORDED = "SUSTAINMENT_NOT_RECORDED";

  public record Input(String caseId, String milestone) {}

  public record Output(boolean jobSustained) {}

  private final EmployerPlacements placements;

  public RecordSustainmentWorker(EmployerPlacements placements) {
    this.placements = placements;
  }

  @JobWorker(type = JOB_TYPE)
  public Output recordSustainment(@VariablesAsType Input input) {
    int weeks = switch (input.milestone() == null ? "" : input.milestone()) {
      case "13-weeks" -> 13;
      case "26-weeks" -> 26;
      default -> throw CamundaError.bpmnError(SUSTAINMENT_NOT_RECORDED,
          "'" + input.milestone() + "' is not a milestone (13-weeks, 26-weeks)");
    };
    try {
      return new Output(placements.recordSustainment(input.caseId(), weeks));
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(SUSTAINMENT_NOT_RECORDED, e.getMessage());
    }
  }
}
