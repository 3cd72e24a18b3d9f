package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;

/**
 * Job type {@code contact-employer} (sickness-benefit-early-effort): the retention contact with the
 * employer is put on the coach's list.
 *
 * <p>Reads {@code caseId}; completes without variables. An unknown case is BPMN error {@value #CASE_NOT_FOUND}.
 */
public class ContactEmployerWorker {
  public static final String JOB_TYPE = "contact-employer";
  public static final String CASE_NOT_FOUND = "CASE_NOT_FOUND";

  public record Input(String caseId) {}

  private final SicknessBenefits sicknessBenefits;

  public ContactEmployerWorker(SicknessBenefits sicknessBenefits) {
    this.sicknessBenefits = sicknessBenefits;
  }

  @JobWorker(type = JOB_TYPE)
  public void contactEmployer(@VariablesAsType Input input) {
    try {
      sicknessBenefits.contactEmployer(input.caseId());
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(CASE_NOT_FOUND, e.getMessage());
    }
  }
}
