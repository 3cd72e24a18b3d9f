package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.math.BigDecimal;

/**
 * Job type {@code start-employer-placement} (flex-job-placement, development-flex-job): the citizen
 * starts work with an employer. Not {@code start-placement}, which is the clarification guarantee's
 * hand-over of a plan to placement ({@link StartPlacementWorker}).
 *
 * <p>Reads {@code caseId}, {@code placementKind} ({@code flex-job} or {@code development-flex-job}),
 * {@code weeklyHours}, and {@code vacancyId} (a flex job) or {@code employerId} (a development flex
 * job); completes with {@code placementStartDate} (ISO date). Idempotent per job. A business failure
 * (unknown case or vacancy, a filled vacancy, no hours) is BPMN error {@value #PLACEMENT_NOT_STARTED}.
 */
public class StartEmployerPlacementWorker {
  public static final String JOB_TYPE = "start-employer-placement";
  public static final String PLACEMENT_NOT_STARTED = "PLACEMENT_NOT_STARTED";

  public record Input(String caseId, String placementKind, String vacancyId, String employerId,
      BigDecimal weeklyHours) {}

  public record Output(String placementStartDate) {}

  private final EmployerPlacements placements;

  public StartEmployerPlacementWorker(EmployerPlacements placements) {
    this.placements = placements;
  }

  @JobWorker(type = JOB_TYPE)
  public Output startEmployerPlacement(ActivatedJob job, @VariablesAsType Input input) {
    try {
      return new Output(placements.start(input.caseId(), EmployerPlacements.Kind.fromProcessValue(input.placementKind()),
          input.vacancyId(), input.employerId(), input.weeklyHours(), job.getKey()).toString());
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(PLACEMENT_NOT_STARTED, e.getMessage());
    }
  }
}
