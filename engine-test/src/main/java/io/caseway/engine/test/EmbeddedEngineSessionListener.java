package io.caseway.engine.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Properties;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the embedded engine for plain-JUnit process tests ({@code @CamundaProcessTest}) before
 * any test class loads, on the addresses that CPT itself reads from
 * {@code camunda-container-runtime.properties}, and stops it when the test run ends.
 *
 * <p>It does nothing unless that file says {@code runtimeMode=remote} and the switch
 * {@link EmbeddedCamunda#SWITCH_PROPERTY} is not {@code external}. Unset addresses, or Maven
 * placeholders left unfiltered (as in an IDE that does not filter resources), mean CPT's own
 * defaults: gRPC 26500, REST 8080, monitoring 9600. Registered through
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public final class EmbeddedEngineSessionListener implements LauncherSessionListener {
  static final String CPT_PROPERTIES = "/camunda-container-runtime.properties";
  private boolean started;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    Properties properties = cptProperties();
    if (properties == null || !"remote".equalsIgnoreCase(properties.getProperty("runtimeMode", "").trim())
        || !EmbeddedCamunda.enabled()) {
      return;
    }
    URI grpc = address(properties, "remote.client.grpcAddress", "http://127.0.0.1:26500");
    URI rest = address(properties, "remote.client.restAddress", "http://127.0.0.1:8080");
    URI monitoring = address(properties, "remote.camundaMonitoringApiAddress", "http://127.0.0.1:9600");
    EmbeddedCamunda.start("127.0.0.1", port(grpc), port(rest), port(monitoring));
    started = true;
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (started) {
      EmbeddedCamunda.stop();
      started = false;
    }
  }

  static Properties cptProperties() {
    try (InputStream in = EmbeddedEngineSessionListener.class.getResourceAsStream(CPT_PROPERTIES)) {
      if (in == null) {
        return null;
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + CPT_PROPERTIES + " from the test classpath", e);
    }
  }

  private static URI address(Properties properties, String name, String fallback) {
    String value = properties.getProperty(name);
    if (value == null || value.isBlank() || value.contains("${")) {
      return URI.create(fallback);
    }
    URI uri = URI.create(value.trim());
    String host = uri.getHost();
    if (host == null || !(host.equals("localhost") || host.startsWith("127.") || host.equals("0.0.0.0"))) {
      throw new IllegalStateException(CPT_PROPERTIES + " points " + name + " at " + value
          + ", which is not this machine, so the embedded engine cannot serve it. Set "
          + EmbeddedCamunda.SWITCH_PROPERTY + "=external to run the process tests against that cluster.");
    }
    return uri;
  }

  private static int port(URI uri) {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
