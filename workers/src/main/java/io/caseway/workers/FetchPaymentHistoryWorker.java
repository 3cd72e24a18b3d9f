package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;
import java.util.List;

/**
 * Job type {@code fetch-payment-history} (sickness-benefit-early-effort): the sickness benefit paid so far.
 *
 * <p>Reads {@code caseId}; completes with {@code paymentHistory}, a list of {@code {from, to}} ISO
 * dates (both days paid; none yet is an empty list). An unknown case is BPMN error {@value #CASE_NOT_FOUND}.
 */
public class FetchPaymentHistoryWorker {
  public static final String JOB_TYPE = "fetch-payment-history";
  public static final String CASE_NOT_FOUND = "CASE_NOT_FOUND";

  public record Input(String caseId) {}

  public record Output(List<SicknessBenefits.PaidPeriod> paymentHistory) {}

  private final SicknessBenefits sicknessBenefits;

  public FetchPaymentHistoryWorker(SicknessBenefits sicknessBenefits) {
    this.sicknessBenefits = sicknessBenefits;
  }

  @JobWorker(type = JOB_TYPE)
  public Output fetchPaymentHistory(@VariablesAsType Input input) {
    try {
      return new Output(List.copyOf(sicknessBenefits.paymentHistory(input.caseId())));
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(CASE_NOT_FOUND, e.getMessage());
    }
  }
}
