package io.caseway.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;

/**
 * Job type {@code acknowledge-referral}: acknowledges a health partner's referral.
 *
 * <p>Reads {@code referralId}; completes with {@code acknowledgedAt} (ISO-8601 instant, UTC). A
 * referral that cannot be acknowledged throws BPMN error {@value #REFERRAL_INVALID}, for the
 * process to catch; anything else fails the job, to be retried.
 */
public class AcknowledgeReferralWorker {
  public static final String JOB_TYPE = "acknowledge-referral";
  public static final String REFERRAL_INVALID = "REFERRAL_INVALID";

  /** The variables this worker reads. */
  public record Input(String referralId) {}

  /** The variables this worker writes. */
  public record Output(String acknowledgedAt) {}

  private final ReferralAcknowledgement acknowledgement;

  public AcknowledgeReferralWorker(ReferralAcknowledgement acknowledgement) {
    this.acknowledgement = acknowledgement;
  }

  @JobWorker(type = JOB_TYPE)
  public Output acknowledgeReferral(@VariablesAsType Input input) {
    try {
      return new Output(acknowledgement.acknowledge(input.referralId()).toString());
    } catch (InvalidReferralException e) {
      throw CamundaError.bpmnError(REFERRAL_INVALID, e.getMessage());
    }
  }
}
