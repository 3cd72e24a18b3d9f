package io.caseway.app.referral;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts the {@code referral-intake} process for each stored referral by publishing the message
 * {@code referral-received}, with the referral id as message id: a repeated publication within the
 * message's time to live is refused by the engine, so a referral starts one intake. Publication
 * happens after the referral's transaction commits; when the engine cannot be reached, a periodic
 * sweep publishes what is still pending, so no stored referral is left without its intake.
 */
@Component
class IntakeStarter {
  static final String MESSAGE = "referral-received";
  private static final Logger LOG = LoggerFactory.getLogger(IntakeStarter.class);

  private final CamundaClient camunda;
  private final Referrals referrals;
  private final ReferralRepository repository;
  private final Clock clock;
  private final Duration messageTimeToLive;

  IntakeStarter(CamundaClient camunda, Referrals referrals, ReferralRepository repository, Clock clock,
      @Value("${caseway.intake.message-time-to-live:PT1H}") Duration messageTimeToLive) {
    this.camunda = camunda;
    this.referrals = referrals;
    this.repository = repository;
    this.clock = clock;
    this.messageTimeToLive = messageTimeToLive;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void onSubmitted(ReferralSubmitted submitted) {
    start(submitted.referralId(), submitted);
  }

  /** Publishes what a failed publication left pending (and what a crash between commit and publication left). */
  @Scheduled(fixedDelayString = "${caseway.intake.sweep-interval:PT30S}",
      initialDelayString = "${caseway.intake.sweep-interval:PT30S}")
  void sweep() {
    for (UUID id : repository.findIntakeNotStartedBefore(clock.instant().minusSeconds(10))) {
      referrals.find(id).ifPresent(r -> start(id, new ReferralSubmitted(id, r.needs(), r.healthReferred())));
    }
  }

  private void start(UUID referralId, ReferralSubmitted submitted) {
    try {
      camunda.newPublishMessageCommand()
          .messageName(MESSAGE)
          .correlationKey(referralId.toString())
          .messageId(referralId.toString())
          .timeToLive(messageTimeToLive)
          .variables(Map.of(
              "referralId", referralId.toString(),
              "needs", submitted.needs(),
              "healthReferred", submitted.healthReferred()))
          .send()
          .join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
        LOG.warn("Could not start the intake of referral {} yet; the sweep will try again: {}", referralId,
            e.getMessage());
        return;
      }
    } catch (ProblemException e) {
      if (e.code() != 409) {
        LOG.warn("Could not start the intake of referral {} yet; the sweep will try again: {}", referralId,
            e.getMessage());
        return;
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not start the intake of referral {} yet; the sweep will try again: {}", referralId,
          e.toString());
      return;
    }
    referrals.markIntakeStarted(referralId);
  }
}
