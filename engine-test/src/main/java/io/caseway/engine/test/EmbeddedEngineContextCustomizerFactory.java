package io.caseway.engine.test;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every {@code @CamundaSpringProcessTest} class at the process-test engine, so that the test
 * class itself needs no CPT configuration:
 * <ul>
 *   <li>by default, the embedded engine of this test JVM (started on free ports unless a plain-JUnit
 *       process test started it first), as the highest-priority property source;
 *   <li>with {@link EmbeddedCamunda#SWITCH_PROPERTY}{@code =external}, a cluster at the addresses
 *       given by the system properties {@code caseway.process-test.grpc-address},
 *       {@code .rest-address} and {@code .monitoring-address} (defaults: Camunda's local ports
 *       26500, 8080 and 9600), as the lowest-priority source, so a test's own
 *       {@code camunda.process-test.*} properties still win.
 * </ul>
 * Registered in {@code META-INF/spring.factories}.
 */
public final class EmbeddedEngineContextCustomizerFactory implements ContextCustomizerFactory {
  static final String SPRING_PROCESS_TEST = "io.camunda.process.test.api.CamundaSpringProcessTest";

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    // by name: this factory is loaded in every Spring test, with or without CPT on the classpath
    boolean processTest = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY)
        .isPresent(SPRING_PROCESS_TEST);
    return processTest ? new Customizer(EmbeddedCamunda.enabled()) : null;
  }

  private record Customizer(boolean embedded) implements ContextCustomizer {
    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
      var sources = context.getEnvironment().getPropertySources();
      if (embedded) {
        EmbeddedCamunda.startOnFreePorts();
        sources.addFirst(new MapPropertySource("caseway-embedded-engine", properties(
            EmbeddedCamunda.grpcAddress().toString(), EmbeddedCamunda.restAddress().toString(),
            EmbeddedCamunda.monitoringAddress().toString())));
      } else {
        sources.addLast(new MapPropertySource("caseway-external-engine", properties(
            System.getProperty("caseway.process-test.grpc-address", "http://localhost:26500"),
            System.getProperty("caseway.process-test.rest-address", "http://localhost:8080"),
            System.getProperty("caseway.process-test.monitoring-address", "http://localhost:9600"))));
      }
    }

    private static Map<String, Object> properties(String grpc, String rest, String monitoring) {
      return Map.of(
          "camunda.process-test.runtime-mode", "remote",
          "camunda.process-test.remote.client.grpc-address", grpc,
          "camunda.process-test.remote.client.rest-address", rest,
          "camunda.process-test.remote.camunda-monitoring-api-address", monitoring);
    }
  }
}
