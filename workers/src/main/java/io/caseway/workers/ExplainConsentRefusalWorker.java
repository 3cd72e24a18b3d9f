package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;

/**
 * Job type {@code explain-consent-refusal}: tells the citizen what refusing consent for one health
 * data source means (no sanction; support goes on without that source).
 *
 * <p>Reads {@code referralId} and {@code dataSource}; completes without variables. An unknown
 * referral is BPMN error {@value #REFERRAL_UNKNOWN}.
 */
public class ExplainConsentRefusalWorker {
  public static final String JOB_TYPE = "explain-consent-refusal";
  public static final String REFERRAL_UNKNOWN = CheckConsentWorker.REFERRAL_UNKNOWN;

  public record Input(String referralId, String dataSource) {}

  private final ConsentRefusalExplanation explanation;

  public ExplainConsentRefusalWorker(ConsentRefusalExplanation explanation) {
    this.explanation = explanation;
  }

  @JobWorker(type = JOB_TYPE)
  public void explainConsentRefusal(@VariablesAsType Input input) {
    try {
      explanation.explain(input.referralId(), input.dataSource());
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(REFERRAL_UNKNOWN, e.getMessage());
    }
  }
}
