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
 * Points every {@code @CamundaSpringProcessTest} class at the embedded engine of this test JVM,
 * started on free ports if no plain-JUnit process test started it first: it adds
 * {@code camunda.process-test.runtime-mode=remote} and the engine's addresses as the
 * highest-priority property source. With {@link EmbeddedCamunda#SWITCH_PROPERTY}{@code =external}
 * it adds nothing, and CPT uses the test's own {@code camunda.process-test.*} properties.
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
    return processTest && EmbeddedCamunda.enabled() ? new Customizer() : null;
  }

  /** All instances are equal, so Spring's context cache treats them as one configuration. */
  private static final class Customizer implements ContextCustomizer {
    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
      EmbeddedCamunda.startOnFreePorts();
      Map<String, Object> properties = Map.of(
          "camunda.process-test.runtime-mode", "remote",
          "camunda.process-test.remote.client.grpc-address", EmbeddedCamunda.grpcAddress().toString(),
          "camunda.process-test.remote.client.rest-address", EmbeddedCamunda.restAddress().toString(),
          "camunda.process-test.remote.camunda-monitoring-api-address",
          EmbeddedCamunda.monitoringAddress().toString());
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("caseway-embedded-engine", properties));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Customizer;
    }

    @Override
    public int hashCode() {
      return Customizer.class.hashCode();
    }
  }
}
