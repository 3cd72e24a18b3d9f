package io.caseway.workers.testing;

import com.sun.net.httpserver.HttpServer;
import io.caseway.engine.Engine;
import io.caseway.engine.EngineConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Starts the embedded Caseway engine on a free port before a test class's Spring context, and
 * stops it after. Use it as
 *
 * <pre>
 * &#64;ExtendWith(EmbeddedEngineExtension.class)   // before @SpringBootTest, so it stops last
 * &#64;SpringBootTest
 * &#64;DirtiesContext                              // the context must not outlive the engine
 * class MyTest {
 *   &#64;DynamicPropertySource
 *   static void camunda(DynamicPropertyRegistry registry) { EmbeddedEngineExtension.camundaClientProperties(registry); }
 * }
 * </pre>
 *
 * <p>The engine serves gRPC only. The client's REST address points at a tripwire HTTP server that
 * answers 501 and records every request, so a test can assert the starter made none.
 */
public final class EmbeddedEngineExtension implements BeforeAllCallback, AfterAllCallback {
  private static Path dataDirectory;
  private static Engine engine;
  private static HttpServer restTripwire;
  private static final List<String> restRequests = new CopyOnWriteArrayList<>();

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dataDirectory = Files.createTempDirectory("caseway-engine-");
    engine = Engine.start(EngineConfig.defaults(dataDirectory).withGrpcPort(0).withRestPort(-1).withHost("127.0.0.1")
        .withFsync(false));
    restRequests.clear();
    restTripwire = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    restTripwire.createContext("/", exchange -> {
      restRequests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
      byte[] body = "{\"title\":\"REST API v2 is not implemented by the Caseway engine\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
      exchange.sendResponseHeaders(501, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    restTripwire.start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    restTripwire.stop(0);
    engine.close();
    try (Stream<Path> files = Files.walk(dataDirectory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /**
   * Points {@code camunda-spring-boot-starter} (8.8 property names) at the running engine. Set
   * {@code camunda.client.mode} and {@code camunda.client.auth.method} in application.yaml, not
   * here: the starter reads those in an environment post-processor, which runs before dynamic
   * test properties exist.
   */
  public static void camundaClientProperties(DynamicPropertyRegistry registry) {
    registry.add("camunda.client.grpc-address", () -> "http://127.0.0.1:" + engine.grpcPort());
    registry.add("camunda.client.rest-address", () -> "http://127.0.0.1:" + restTripwire.getAddress().getPort());
    // Also in application.yaml, where the starter's environment post-processor sees it.
    registry.add("camunda.client.prefer-rest-over-grpc", () -> "false");
  }

  public static Engine engine() {
    return engine;
  }

  /** Every request that reached the REST address, as "METHOD /path?query". */
  public static List<String> restRequests() {
    return List.copyOf(restRequests);
  }
}
