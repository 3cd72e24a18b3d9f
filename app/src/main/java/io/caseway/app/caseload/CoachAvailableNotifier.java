package io.caseway.app.caseload;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Publishes {@code coach-available} (correlated by case id) once a freed place is committed: the
 * waiting intake then proposes a coach again. A lost message leaves the case on the waiting list,
 * where the manager's escalation task still finds it.
 */
@Component
class CoachAvailableNotifier {
  static final String MESSAGE = "coach-available";
  private static final Logger LOG = LoggerFactory.getLogger(CoachAvailableNotifier.class);
  private final CamundaClient camunda;

  CoachAvailableNotifier(CamundaClient camunda) {
    this.camunda = camunda;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void onPlaceOffered(PlaceOffered offered) {
    try {
      camunda.newPublishMessageCommand().messageName(MESSAGE).correlationKey(offered.caseId().toString())
          .timeToLive(Duration.ofHours(1)).send().join();
    } catch (RuntimeException e) {
      LOG.warn("Could not tell the intake of case {} that a place may be free: {}", offered.caseId(), e.toString());
    }
  }
}
