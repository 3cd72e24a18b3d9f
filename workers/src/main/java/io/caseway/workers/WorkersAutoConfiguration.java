package io.caseway.workers;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Registers Caseway's job workers in any Spring Boot application that has this jar and the
 * {@code camunda-spring-boot-starter}; the starter subscribes them. Each worker class is listed
 * in {@link Import} (do not also annotate it with {@code @Component}, or a component scan would
 * register a second worker for the same job type). Services default to simple in-memory
 * implementations; an application replaces one by declaring its own bean of the interface.
 */
@AutoConfiguration
@Import(AcknowledgeReferralWorker.class)
public class WorkersAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(ReferralAcknowledgement.class)
  InMemoryReferralAcknowledgement referralAcknowledgement(ObjectProvider<Clock> clock) {
    return new InMemoryReferralAcknowledgement(clock.getIfAvailable(Clock::systemUTC));
  }
}
