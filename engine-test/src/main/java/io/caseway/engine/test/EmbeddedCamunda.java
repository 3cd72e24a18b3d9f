package io.caseway.engine.test;

import io.caseway.engine.Engine;
import io.caseway.engine.EngineConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The one embedded engine of a test JVM that Camunda Process Test talks to in REMOTE mode.
 *
 * <p>It is started either by {@link EmbeddedEngineSessionListener} on the addresses that
 * {@code camunda-container-runtime.properties} gives (plain JUnit, {@code @CamundaProcessTest}),
 * or on free ports by the Spring context customizer ({@code @CamundaSpringProcessTest}); whichever
 * comes first, the other reuses it. Tests stay independent because CPT purges the engine and resets
 * its clock after every test. The journal lives in a temporary directory, deleted when the engine
 * stops; fsync is off, since nothing needs to survive the test JVM.
 *
 * <p>The switch {@code caseway.process-test.engine} (system property, or environment variable
 * {@code CASEWAY_PROCESS_TEST_ENGINE}) is {@code embedded} by default; {@code external} starts
 * nothing, so the same tests run against whatever cluster CPT's own configuration names.
 */
public final class EmbeddedCamunda {
  public static final String SWITCH_PROPERTY = "caseway.process-test.engine";
  private static Engine engine;
  private static Path dataDirectory;
  private static Thread shutdownHook;

  private EmbeddedCamunda() {}

  /** Whether process tests in this JVM should run on the embedded engine (the default). */
  public static boolean enabled() {
    String value = System.getProperty(SWITCH_PROPERTY);
    if (value == null || value.isBlank() || value.startsWith("${")) {
      value = System.getenv("CASEWAY_PROCESS_TEST_ENGINE");
    }
    if (value == null || value.isBlank()) {
      return true;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "embedded" -> true;
      case "external" -> false;
      default -> throw new IllegalStateException("Unknown value '" + value + "' for " + SWITCH_PROPERTY
          + ": expected 'embedded' (run process tests on the embedded engine) or 'external' (a cluster you run)");
    };
  }

  /**
   * Starts the engine on these ports (0: a free port), or returns the running one. A running engine
   * on other fixed ports is an error, since CPT would then talk to nothing.
   */
  public static synchronized Engine start(String host, int grpcPort, int restPort, int monitoringPort) {
    if (engine != null) {
      requireSamePort("gRPC", grpcPort, engine.grpcPort());
      requireSamePort("REST", restPort, engine.restPort());
      requireSamePort("monitoring", monitoringPort, engine.monitoringPort());
      return engine;
    }
    try {
      dataDirectory = Files.createTempDirectory("caseway-process-test-");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a data directory for the embedded engine", e);
    }
    engine = Engine.start(EngineConfig.defaults(dataDirectory)
        .withHost(host)
        .withGrpcPort(grpcPort)
        .withRestPort(restPort)
        .withMonitoringPort(monitoringPort)
        .withFsync(false));
    shutdownHook = new Thread(EmbeddedCamunda::stop, "caseway-process-test-engine-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    return engine;
  }

  /** The running engine, starting it on free loopback ports if none runs yet. */
  public static synchronized Engine startOnFreePorts() {
    return engine != null ? engine : start("127.0.0.1", 0, 0, 0);
  }

  public static synchronized Engine engine() {
    if (engine == null) {
      throw new IllegalStateException("The embedded engine for process tests is not running");
    }
    return engine;
  }

  public static URI grpcAddress() {
    return URI.create("http://127.0.0.1:" + engine().grpcPort());
  }

  public static URI restAddress() {
    return URI.create("http://127.0.0.1:" + engine().restPort());
  }

  public static URI monitoringAddress() {
    return URI.create("http://127.0.0.1:" + engine().monitoringPort());
  }

  /** Stops the engine and deletes its data; a later {@link #start} begins afresh. */
  public static synchronized void stop() {
    if (engine == null) {
      return;
    }
    try {
      engine.close();
    } finally {
      engine = null;
      deleteRecursively(dataDirectory);
      if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
          // the hook is running or has run
        }
      }
      shutdownHook = null;
    }
  }

  private static void requireSamePort(String what, int wanted, int actual) {
    if (wanted > 0 && wanted != actual) {
      throw new IllegalStateException("The embedded engine of this test JVM already serves " + what + " on port "
          + actual + ", not on the requested port " + wanted);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp directory is not worth failing a test run for
    }
  }
}
