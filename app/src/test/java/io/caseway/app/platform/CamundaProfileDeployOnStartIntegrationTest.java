package io.caseway.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseway.engine.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Told to (CASEWAY_DEPLOY_ON_START=true, for a first start on an empty cluster), the app deploys the journeys. */
@SpringBootTest(properties = "CASEWAY_DEPLOY_ON_START=true")
@ActiveProfiles("camunda")
class CamundaProfileDeployOnStartIntegrationTest {
  static final Engine CLUSTER = ClusterUnderTest.start();

  @DynamicPropertySource
  static void cluster(DynamicPropertyRegistry registry) {
    ClusterUnderTest.register(registry, CLUSTER);
  }

  @AfterAll
  static void stop() {
    CLUSTER.close();
  }

  @Test
  void deploysTheJourneysWhenToldTo() {
    assertThat(ClusterUnderTest.deployedProcessIds(CLUSTER))
        .contains("referral-intake", "roundtable-meeting", "clarification-guarantee");
  }
}
