package io.caseway.engine;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the engine on its own: {@code ./mvnw -q -pl engine -am compile exec:java}. Listens for the
 * Camunda client on gRPC port 26500. Settings (environment variables): {@code CASEWAY_ENGINE_DATA}
 * (data directory, default {@code data/engine}), {@code CASEWAY_ENGINE_GRPC_PORT},
 * {@code CASEWAY_ENGINE_HOST}.
 */
public final class EngineLauncher {
  private EngineLauncher() {}

  public static void main(String[] args) throws InterruptedException {
    Path data = Path.of(env("CASEWAY_ENGINE_DATA", "data/engine"));
    int port = Integer.parseInt(env("CASEWAY_ENGINE_GRPC_PORT", String.valueOf(EngineConfig.DEFAULT_GRPC_PORT)));
    String host = env("CASEWAY_ENGINE_HOST", "0.0.0.0");
    Engine engine = Engine.start(EngineConfig.defaults(data).withGrpcPort(port).withHost(host));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      engine.close();
      stopped.countDown();
    }, "caseway-engine-shutdown"));
    System.out.printf("Caseway engine ready: gRPC on %s:%d, data in %s (Ctrl+C stops it)%n", host, engine.grpcPort(),
        data.toAbsolutePath());
    stopped.await();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
