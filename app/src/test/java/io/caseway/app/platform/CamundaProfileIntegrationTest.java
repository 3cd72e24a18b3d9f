package io.caseway.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.caseway.engine.Engine;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The profile {@code camunda}: the app talks to the cluster named by CAMUNDA_GRPC_ADDRESS and
 * CAMUNDA_REST_ADDRESS, runs no engine of its own, and deploys nothing at start (process owners
 * deploy from Camunda Modeler).
 */
@SpringBootTest
@ActiveProfiles("camunda")
class CamundaProfileIntegrationTest {
  static final Engine CLUSTER = ClusterUnderTest.start();

  @DynamicPropertySource
  static void cluster(DynamicPropertyRegistry registry) {
    ClusterUnderTest.register(registry, CLUSTER);
  }

  @AfterAll
  static void stop() {
    CLUSTER.close();
  }

  @Autowired CamundaClient camunda;
  @Autowired ApplicationContext context;

  @Test
  void talksToTheConfiguredClusterRunsNoEngineOfItsOwnAndDeploysNothing() {
    assertThat(camunda.getConfiguration().getGrpcAddress())
        .isEqualTo(URI.create("http://127.0.0.1:" + CLUSTER.grpcPort()));
    assertThat(camunda.getConfiguration().getRestAddress().toString())
        .startsWith("http://127.0.0.1:" + CLUSTER.restPort());
    assertThat(context.getBeansOfType(Engine.class)).isEmpty();
    // the client reaches the cluster, and the cluster holds no process Caseway put there
    assertThat(camunda.newTopologyRequest().send().join().getBrokers()).hasSize(1);
    assertThat(ClusterUnderTest.deployedProcessIds(CLUSTER)).isEmpty();
  }
}
