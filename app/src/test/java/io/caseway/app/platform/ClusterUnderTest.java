package io.caseway.app.platform;

import io.caseway.engine.Engine;
import io.caseway.engine.EngineConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Stands in for a Camunda 8.8 cluster in the tests of the profile {@code camunda}: an engine of its
 * own on free ports (the embedded engine speaks the same gateway protocol), registered through the
 * same environment variables a deployment sets.
 */
final class ClusterUnderTest {
  private ClusterUnderTest() {}

  static Engine start() {
    try {
      return Engine.start(EngineConfig.defaults(Files.createTempDirectory("caseway-cluster-"))
          .withHost("127.0.0.1").withGrpcPort(0).withRestPort(0).withMonitoringPort(0).withFsync(false));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The variables documented in application-camunda.yaml and set by docker-compose.yml. */
  static void register(DynamicPropertyRegistry registry, Engine cluster) {
    registry.add("CAMUNDA_GRPC_ADDRESS", () -> "http://127.0.0.1:" + cluster.grpcPort());
    registry.add("CAMUNDA_REST_ADDRESS", () -> "http://127.0.0.1:" + cluster.restPort());
  }

  static List<String> deployedProcessIds(Engine cluster) {
    return cluster.query(s -> s.deployments().processes().stream().map(p -> p.record().bpmnProcessId()).sorted()
        .toList()).join();
  }
}
