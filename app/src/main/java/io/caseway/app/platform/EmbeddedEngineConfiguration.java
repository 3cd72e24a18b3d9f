package io.caseway.app.platform;

import io.caseway.engine.Engine;
import io.caseway.engine.EngineConfig;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Caseway's embedded default: the engine runs inside the app, on the ports a Camunda 8 cluster
 * uses, with its journal under {@code caseway.engine.data-directory}. The {@code camunda} profile
 * turns this off and points the client at a real cluster.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "caseway.engine.embedded", havingValue = "true", matchIfMissing = true)
class EmbeddedEngineConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngineConfiguration.class);

  @Bean(destroyMethod = "close")
  Engine embeddedEngine(
      @Value("${caseway.engine.data-directory:data/engine}") Path dataDirectory,
      @Value("${caseway.engine.host:127.0.0.1}") String host,
      @Value("${caseway.engine.grpc-port:26500}") int grpcPort,
      @Value("${caseway.engine.rest-port:8080}") int restPort,
      @Value("${caseway.engine.monitoring-port:9600}") int monitoringPort) {
    Engine engine = Engine.start(EngineConfig.defaults(dataDirectory.toAbsolutePath())
        .withHost(host).withGrpcPort(grpcPort).withRestPort(restPort).withMonitoringPort(monitoringPort));
    LOG.info("Embedded engine running: gRPC {}:{}, REST API v2 {}:{}, monitoring {}:{}, journal in {}", host,
        engine.grpcPort(), host, engine.restPort(), host, engine.monitoringPort(), dataDirectory.toAbsolutePath());
    return engine;
  }
}
