package io.caseway.engine;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the engine on its own: {@code ./mvnw -q -pl engine -am compile exec:java}. Listens for the
 * Camunda client on gRPC port 26500 and REST port 8080. Settings (environment variables):
 * {@code CASEWAY_ENGINE_DATA} (data directory, default {@code data/engine}),
 * {@code CASEWAY_ENGINE_GRPC_PORT}, {@code CASEWAY_ENGINE_REST_PORT} (-1: no REST API),
 * {@code CASEWAY_ENGINE_HOST}.
 */
public final class EngineLauncher {
  private EngineLauncher() {}

  public static void main(String[] args) throws InterruptedException {
    Path data = Path.of(env("CASEWAY_ENGINE_DATA", "data/engine"));
    int port = Integer.parseInt(env("CASEWAY_ENGINE_GRPC_PORT", String.valueOf(EngineConfig.DEFAULT_GRPC_PORT)));
    int restPort = Integer.parseInt(env("CASEWAY_ENGINE_REST_PORT", String.valueOf(EngineConfig.DEFAULT_REST_PORT)));
    String host = env("CASEWAY_ENGINE_HOST", "0.0.0.0");
    Engine engine = Engine.start(EngineConfig.defaults(data).withGrpcPort(port).withRestPort(restPort).withHost(host));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      engine.close();
      stopped.countDown();
    }, "caseway-engine-shutdown"));
    System.out.printf("Caseway engine ready: gRPC on %s:%d, REST on %s, data in %s (Ctrl+C stops it)%n", host,
        engine.grpcPort(), engine.restPort() < 0 ? "(off)" : host + ":" + engine.restPort(), data.toAbsolutePath());
    stopped.await();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
