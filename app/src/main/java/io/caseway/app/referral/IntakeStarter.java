package io.caseway.app.referral;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
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
 * message's time to live is refused by the engine, so a referral starts one intake. The message
 * carries what the journey needs: the referral, the health data sources to check consent for, the
 * citizen, the benefit start date (the referral's receipt when it names no benefit) and the deadlines
 * and offsets of the rule set in force, so that the models hold no policy of their own. Publication
 * happens after the referral's transaction commits; when the engine cannot be reached, a periodic
 * sweep publishes what is still pending, so no stored referral is left without its intake.
 */
@Component
class IntakeStarter {
  static final String MESSAGE = "referral-received";
  private static final Logger LOG = LoggerFactory.getLogger(IntakeStarter.class);

  private final CamundaClient camunda;
  private final Referrals referrals;
  private final io.caseway.app.policy.Policy policy;
  private final ReferralRepository repository;
  private final Clock clock;
  private final Duration messageTimeToLive;

  IntakeStarter(CamundaClient camunda, Referrals referrals, io.caseway.app.policy.Policy policy,
      ReferralRepository repository, Clock clock,
      @Value("${caseway.intake.message-time-to-live:PT1H}") Duration messageTimeToLive) {
    this.camunda = camunda;
    this.referrals = referrals;
    this.policy = policy;
    this.repository = repository;
    this.clock = clock;
    this.messageTimeToLive = messageTimeToLive;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void onSubmitted(ReferralSubmitted submitted) {
    referrals.find(submitted.referralId()).ifPresent(this::start);
  }

  /** Publishes what a failed publication left pending (and what a crash between commit and publication left). */
  @Scheduled(fixedDelayString = "${caseway.intake.sweep-interval:PT30S}",
      initialDelayString = "${caseway.intake.sweep-interval:PT30S}")
  void sweep() {
    for (UUID id : repository.findIntakeNotStartedBefore(clock.instant().minusSeconds(10))) {
      referrals.find(id).ifPresent(this::start);
    }
  }

  /** The variables the intake journey starts with (see the documentation of referral-intake.bpmn). */
  Map<String, Object> variables(Referral referral) {
    LocalDate received = LocalDate.ofInstant(referral.receivedAt(), ZoneOffset.UTC);
    String ruleSet = policy.currentRuleSet();
    String[] warnings = policy.value(ruleSet, "clarification.warning-offsets", received).split(",");
    if (warnings.length != 2) {
      throw new IllegalStateException("The rule 'clarification.warning-offsets' of rule set '" + ruleSet
          + "' must name two offsets, like P9M,P11M");
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("referralId", referral.id().toString());
    vars.put("needs", referral.needs());
    vars.put("healthReferred", referral.healthReferred());
    vars.put("dataSources", referral.dataSources());
    vars.put("citizenId", referral.citizenId().toString());
    vars.put("benefitStartDate", referral.benefitStartDate().orElse(received).toString());
    vars.put("consentRequestDeadline", policy.value(ruleSet, "intake.consent-request-deadline", received));
    vars.put("waitingListEscalation", policy.value(ruleSet, "intake.waiting-list-escalation", received));
    vars.put("firstContactDeadline", policy.value(ruleSet, "intake.first-contact-deadline", received));
    vars.put("firstWarningOffset", warnings[0].strip());
    vars.put("secondWarningOffset", warnings[1].strip());
    vars.put("clarificationDeadline", policy.value(ruleSet, "clarification.max-duration", received));
    vars.put("roundtableDeadline", policy.value(ruleSet, "roundtable.deadline", received));
    vars.put("roundtableReminderInterval", policy.value(ruleSet, "roundtable.reminder-interval", received));
    return vars;
  }

  private void start(Referral referral) {
    UUID referralId = referral.id();
    try {
      camunda.newPublishMessageCommand()
          .messageName(MESSAGE)
          .correlationKey(referralId.toString())
          .messageId(referralId.toString())
          .timeToLive(messageTimeToLive)
          .variables(variables(referral))
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
