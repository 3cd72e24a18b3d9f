package io.caseway.app.retention;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the erasure every night ({@code caseway.retention.cron}; "-" switches it off, as the tests
 * do). Safe on several nodes at once: each case is locked and checked again before it is erased.
 */
@Component
class RetentionJob {
  private final Retention retention;

  RetentionJob(Retention retention) {
    this.retention = retention;
  }

  @Scheduled(cron = "${caseway.retention.cron:0 30 2 * * *}")
  void eraseDue() {
    retention.eraseDue();
  }
}
