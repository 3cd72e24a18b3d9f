package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;

/**
 * Job type {@code check-consent}: the consent status of one health data source of a referral.
 *
 * <p>Reads {@code referralId} and {@code dataSource}; completes with {@code consentStatus}
 * ({@code given}, {@code missing}, {@code refused} or {@code expired}). An unknown referral is BPMN
 * error {@value #REFERRAL_UNKNOWN}.
 */
public class CheckConsentWorker {
  public static final String JOB_TYPE = "check-consent";
  public static final String REFERRAL_UNKNOWN = "REFERRAL_UNKNOWN";

  public record Input(String referralId, String dataSource) {}

  public record Output(String consentStatus) {}

  private final ConsentRegister register;

  public CheckConsentWorker(ConsentRegister register) {
    this.register = register;
  }

  @JobWorker(type = JOB_TYPE)
  public Output checkConsent(@VariablesAsType Input input) {
    try {
      return new Output(register.status(input.referralId(), input.dataSource()).value());
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(REFERRAL_UNKNOWN, e.getMessage());
    }
  }
}
