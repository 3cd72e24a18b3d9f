package io.caseway.engine.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.process.test.api.CamundaSpringProcessTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;

/** The switch between the embedded engine and a cluster that someone else runs. */
class ProcessTestSwitchTest {
  private static final List<String> PROPERTIES = List.of(EmbeddedCamunda.SWITCH_PROPERTY,
      "caseway.process-test.grpc-address", "caseway.process-test.rest-address",
      "caseway.process-test.monitoring-address");
  private final Map<String, String> before = new java.util.HashMap<>();

  @org.junit.jupiter.api.BeforeEach
  void save() {
    PROPERTIES.forEach(p -> before.put(p, System.getProperty(p)));
    PROPERTIES.forEach(System::clearProperty);
  }

  @AfterEach
  void restore() {
    before.forEach((name, value) -> {
      if (value == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, value);
      }
    });
  }

  @CamundaSpringProcessTest
  static class SpringProcessTestClass {}

  static class PlainSpringTestClass {}

  @Test
  void springProcessTestsPointAtAClusterWhenSwitchedToExternalAndTheirOwnPropertiesWin() {
    System.setProperty(EmbeddedCamunda.SWITCH_PROPERTY, "external");
    System.setProperty("caseway.process-test.grpc-address", "http://camunda.example:26500");
    ContextCustomizer customizer = new EmbeddedEngineContextCustomizerFactory()
        .createContextCustomizer(SpringProcessTestClass.class, List.of());

    GenericApplicationContext context = new GenericApplicationContext();
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test",
        Map.of("camunda.process-test.remote.client.rest-address", "http://own:8080")));
    customizer.customizeContext(context, null);

    var env = context.getEnvironment();
    assertThat(env.getProperty("camunda.process-test.runtime-mode")).isEqualTo("remote");
    assertThat(env.getProperty("camunda.process-test.remote.client.grpc-address"))
        .isEqualTo("http://camunda.example:26500");
    assertThat(env.getProperty("camunda.process-test.remote.client.rest-address")).isEqualTo("http://own:8080");
    assertThat(env.getProperty("camunda.process-test.remote.camunda-monitoring-api-address"))
        .isEqualTo("http://localhost:9600");
  }

  @Test
  void springTestsWithoutCamundaProcessTestAreLeftAlone() {
    assertThat(new EmbeddedEngineContextCustomizerFactory().createContextCustomizer(PlainSpringTestClass.class,
        List.of())).isNull();
  }

  @Test
  void aMistypedSwitchIsAnErrorThatNamesTheChoices() {
    System.setProperty(EmbeddedCamunda.SWITCH_PROPERTY, "embeded");
    assertThatThrownBy(EmbeddedCamunda::enabled)
        .hasMessageContaining("'embeded'").hasMessageContaining("embedded").hasMessageContaining("external");
  }
}
