package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;
import java.util.List;

/**
 * Job type {@code match-vacancies} (flex-job-placement): the open vacancies that can be a flex job.
 *
 * <p>Reads {@code caseId}; completes with {@code vacancies}, a list of {@code {label, value}} for the
 * hours form's select (value: the vacancy id). None open is an empty list: the coach sees an empty
 * choice and the task waits, rather than a failure. An unknown case is BPMN error {@value #CASE_NOT_FOUND}.
 */
public class MatchVacanciesWorker {
  public static final String JOB_TYPE = "match-vacancies";
  public static final String CASE_NOT_FOUND = "CASE_NOT_FOUND";

  public record Input(String caseId) {}

  public record Output(List<FlexJobs.VacancyOption> vacancies) {}

  private final FlexJobs flexJobs;

  public MatchVacanciesWorker(FlexJobs flexJobs) {
    this.flexJobs = flexJobs;
  }

  @JobWorker(type = JOB_TYPE)
  public Output matchVacancies(@VariablesAsType Input input) {
    try {
      return new Output(List.copyOf(flexJobs.openVacancies(input.caseId())));
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(CASE_NOT_FOUND, e.getMessage());
    }
  }
}
