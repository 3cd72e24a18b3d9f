package io.caseway.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.Deployment;
import io.caseway.workers.testing.EmbeddedEngineExtension;
import io.caseway.workers.testing.SteppingClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The unmodified camunda-spring-boot-starter, configured only through properties, against the
 * embedded engine: the starter deploys the model ({@code @Deployment}), subscribes
 * {@link AcknowledgeReferralWorker} and the worker's results and BPMN errors drive the process.
 */
@ExtendWith(EmbeddedEngineExtension.class) // first, so the engine starts before and stops after the context
@SpringBootTest(classes = AcknowledgeReferralWorkerEngineTest.TestApplication.class)
@DirtiesContext
class AcknowledgeReferralWorkerEngineTest {
  private static final String PROCESS = "acknowledge-referral-test";

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Deployment(resources = "classpath:bpmn/acknowledge-referral-test.bpmn")
  static class TestApplication {
    @Bean
    Clock clock() {
      return new SteppingClock(Instant.parse("2026-11-25T09:00:00Z"));
    }
  }

  @DynamicPropertySource
  static void camunda(DynamicPropertyRegistry registry) {
    EmbeddedEngineExtension.camundaClientProperties(registry);
  }

  @Autowired CamundaClient client;
  @MockitoSpyBean ReferralAcknowledgement acknowledgement;

  @AfterEach
  void starterUsedGrpcOnly() {
    assertThat(EmbeddedEngineExtension.restRequests()).isEmpty();
  }

  @Test
  void acknowledgedReferralEndsAtTheAcknowledgedEnd() {
    Map<String, Object> result = run(Map.of("referralId", "R-1001"));

    assertThat(result).containsEntry("outcome", "acknowledged").containsEntry("referralId", "R-1001");
    assertThat(Instant.parse((String) result.get("acknowledgedAt"))).isAfterOrEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
  }

  @Test
  void blankReferralIdIsCaughtAsReferralInvalid() {
    Map<String, Object> result = run(Map.of("referralId", "  "));

    assertThat(result).containsEntry("outcome", "referral-invalid").doesNotContainKey("acknowledgedAt");
  }

  @Test
  void missingReferralIdIsCaughtAsReferralInvalid() {
    Map<String, Object> result = run(Map.of("claimant", "C-7"));

    assertThat(result).containsEntry("outcome", "referral-invalid").doesNotContainKey("acknowledgedAt");
  }

  @Test
  void theSameReferralAcknowledgedTwiceGetsTheSameAcknowledgement() {
    Map<String, Object> first = run(Map.of("referralId", "R-2002"));
    Map<String, Object> second = run(Map.of("referralId", "R-2002"));
    Map<String, Object> other = run(Map.of("referralId", "R-2003"));

    assertThat(second.get("acknowledgedAt")).isEqualTo(first.get("acknowledgedAt"));
    assertThat(other.get("acknowledgedAt")).isNotEqualTo(first.get("acknowledgedAt"));
  }

  @Test
  void aRedeliveredJobGetsTheSameAcknowledgement() {
    // The first delivery acknowledges, then "crashes" before completing: the starter fails the
    // job, the engine hands it out again, and the second delivery must not move the date.
    AtomicReference<Instant> firstDelivery = new AtomicReference<>();
    doAnswer(call -> {
      firstDelivery.set((Instant) call.callRealMethod());
      throw new IllegalStateException("worker lost after acknowledging (test)");
    }).doCallRealMethod().when(acknowledgement).acknowledge("R-3003");

    Map<String, Object> result = run(Map.of("referralId", "R-3003"));

    verify(acknowledgement, times(2)).acknowledge("R-3003");
    assertThat(result).containsEntry("outcome", "acknowledged")
        .containsEntry("acknowledgedAt", firstDelivery.get().toString());
  }

  private Map<String, Object> run(Map<String, Object> variables) {
    return new HashMap<>(client.newCreateInstanceCommand().bpmnProcessId(PROCESS).latestVersion()
        .variables(variables).withResult().requestTimeout(Duration.ofSeconds(10))
        .send().join(15, TimeUnit.SECONDS).getVariablesAsMap());
  }
}
