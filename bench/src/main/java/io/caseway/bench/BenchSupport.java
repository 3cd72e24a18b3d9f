package io.caseway.bench;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.caseway.engine.Engine;
import io.caseway.engine.EngineConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Shared plumbing: options, a fresh durable engine on a temp directory, the client, statistics. */
final class BenchSupport {
  static final String ENGINE_THREAD = "caseway-engine-partition-1";

  private BenchSupport() {}

  /** key=value options after the benchmark name. */
  static final class Options {
    private final Map<String, String> values = new HashMap<>();

    Options(String[] args, int from) {
      for (int i = from; i < args.length; i++) {
        String a = args[i].trim();
        if (a.isEmpty()) {
          continue;
        }
        int eq = a.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("Expected key=value, got '" + a + "'");
        }
        values.put(a.substring(0, eq), a.substring(eq + 1));
      }
    }

    int integer(String key, int fallback) {
      return values.containsKey(key) ? Integer.parseInt(values.get(key)) : fallback;
    }

    String string(String key, String fallback) {
      return values.getOrDefault(key, fallback);
    }
  }

  static Path freshDataDirectory(String name) {
    try {
      return Files.createTempDirectory("caseway-bench-" + name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A durable engine (fsync on, the default) on loopback with a free port. */
  static Engine startDurableEngine(Path dataDirectory) {
    EngineConfig config = EngineConfig.defaults(dataDirectory).withGrpcPort(0).withRestPort(0).withHost("127.0.0.1");
    if (!config.fsync()) {
      throw new IllegalStateException("The benchmarks must run with the durable journal (fsync on)");
    }
    return Engine.start(config);
  }

  /** The unmodified Camunda client over gRPC, as in EngineHarness. */
  static CamundaClient client(Engine engine, int maxJobsActive) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://127.0.0.1:" + engine.grpcPort()))
        .restAddress(URI.create("http://127.0.0.1:1"))
        .preferRestOverGrpc(false)
        .defaultRequestTimeout(Duration.ofSeconds(30))
        .defaultJobWorkerMaxJobsActive(maxJobsActive)
        .build();
  }

  static void deploy(CamundaClient client, BpmnModelInstance model, String resourceName) {
    client.newDeployResourceCommand().addProcessModel(model, resourceName).send().join(30, java.util.concurrent.TimeUnit.SECONDS);
  }

  static long directorySize(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("Could not delete " + dir + ": " + e);
    }
  }

  /** CPU time (ns) of the engine's processing thread, or -1 if it is not found. */
  static long engineThreadCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (ENGINE_THREAD.equals(t.getName())) {
        return threads.getThreadCpuTime(t.threadId());
      }
    }
    return -1;
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** A bounded recorder of latencies in nanoseconds, safe to call from several threads. */
  static final class Latencies {
    private final long[] values;
    private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

    Latencies(int capacity) {
      values = new long[capacity];
    }

    void record(long nanos) {
      int i = next.getAndIncrement();
      if (i < values.length) {
        values[i] = nanos;
      }
    }

    int count() {
      return Math.min(next.get(), values.length);
    }

    long[] sorted() {
      long[] copy = Arrays.copyOf(values, count());
      Arrays.sort(copy);
      return copy;
    }

    String summary() {
      long[] s = sorted();
      if (s.length == 0) {
        return "n=0";
      }
      return String.format(Locale.ROOT, "n=%d p50=%s p90=%s p99=%s p99.9=%s max=%s", s.length,
          ms(percentile(s, 50)), ms(percentile(s, 90)), ms(percentile(s, 99)), ms(percentile(s, 99.9)),
          ms(s[s.length - 1]));
    }
  }

  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.2fms", nanos / 1e6);
  }

  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static void header(String title) {
    System.out.println();
    System.out.println("=== " + title + " ===");
    System.out.println("JDK " + System.getProperty("java.vm.name") + " " + Runtime.version() + ", "
        + Runtime.getRuntime().availableProcessors() + " cores, max heap "
        + mib(Runtime.getRuntime().maxMemory()) + ", JVM args " + ManagementFactory.getRuntimeMXBean().getInputArguments());
  }
}
