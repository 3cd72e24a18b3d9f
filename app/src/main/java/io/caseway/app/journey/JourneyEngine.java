package io.caseway.app.journey;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the engine once the change that caused it is committed (or at once outside a transaction).
 * A failed call is logged and not retried: the journeys' own timers and the coach's tasks still
 * show the case, and nothing is told about a change that was rolled back.
 */
@Component
class JourneyEngine {
  private static final Logger LOG = LoggerFactory.getLogger(JourneyEngine.class);
  private static final Duration MESSAGE_TIME_TO_LIVE = Duration.ofHours(1);

  private final CamundaClient camunda;

  JourneyEngine(CamundaClient camunda) {
    this.camunda = camunda;
  }

  /** Publishes the message after commit; {@code messageId} (when not null) makes a repeat a no-op in the engine. */
  void publishAfterCommit(String message, String correlationKey, String messageId, Map<String, Object> variables,
      Duration timeToLive) {
    afterCommit(() -> {
      try {
        var command = camunda.newPublishMessageCommand().messageName(message).correlationKey(correlationKey)
            .timeToLive(timeToLive == null ? MESSAGE_TIME_TO_LIVE : timeToLive).variables(variables);
        (messageId == null ? command : command.messageId(messageId)).send().join();
      } catch (RuntimeException e) {
        LOG.warn("Could not publish {} for {}: {}", message, correlationKey, e.toString());
      }
    });
  }

  /** Starts the latest version of the process after commit. */
  void startAfterCommit(String processId, Map<String, Object> variables) {
    afterCommit(() -> {
      try {
        camunda.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables)
            .send().join();
      } catch (RuntimeException e) {
        LOG.warn("Could not start {} for {}: {}", processId, variables.get("caseId"), e.toString());
      }
    });
  }

  private static void afterCommit(Runnable action) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          action.run();
        }
      });
    } else {
      action.run();
    }
  }
}
