package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;

/**
 * Job type {@code end-placement} (development-flex-job): the clarification has ended, so does the
 * development placement.
 *
 * <p>Reads {@code caseId} and {@code placementKind}; completes without variables. Idempotent: no open
 * placement of that kind is nothing to do. An unknown kind or case is BPMN error {@value #PLACEMENT_NOT_ENDED}.
 */
public class EndPlacementWorker {
  public static final String JOB_TYPE = "end-placement";
  public static final String PLACEMENT_NOT_ENDED = "PLACEMENT_NOT_ENDED";

  public record Input(String caseId, String placementKind) {}

  private final EmployerPlacements placements;

  public EndPlacementWorker(EmployerPlacements placements) {
    this.placements = placements;
  }

  @JobWorker(type = JOB_TYPE)
  public void endPlacement(@VariablesAsType Input input) {
    try {
      placements.end(input.caseId(), EmployerPlacements.Kind.fromProcessValue(input.placementKind()));
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(PLACEMENT_NOT_ENDED, e.getMessage());
    }
  }
}
