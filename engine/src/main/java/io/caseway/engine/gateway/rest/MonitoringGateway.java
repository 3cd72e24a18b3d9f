package io.caseway.engine.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.caseway.engine.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The monitoring port (Camunda's management port, 9600 by default): what Camunda Process Test
 * calls besides the REST API. {@code GET /actuator/clock}, {@code POST /actuator/clock/add}
 * {"offsetMilli"}, {@code POST /actuator/clock/pin} {"epochMilli"}, {@code DELETE /actuator/clock},
 * {@code POST /actuator/cluster/purge}, which wipes all process data and answers {"changeId"}, and
 * {@code GET /actuator/health} (also {@code /status}, {@code /readiness}, {@code /liveness}): {"status":"UP"}.
 */
public final class MonitoringGateway implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final RestRouter router = new RestRouter();

  public MonitoringGateway(Engine engine, String host, int port) {
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "caseway-monitoring-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    router.add("GET", "/actuator/clock", ex -> ex.ok(clock(engine.clock().instant())));
    // health: UP once the engine answers a read of its state (it then also processes commands)
    router.add("GET", "/actuator/health", ex -> ex.answer(engine.query(s -> s.lastPosition()), p -> health()));
    router.add("GET", "/actuator/health/status", ex -> ex.answer(engine.query(s -> s.lastPosition()), p -> health()));
    router.add("GET", "/actuator/health/readiness", ex -> ex.answer(engine.query(s -> s.lastPosition()),
        p -> health()));
    router.add("GET", "/actuator/health/liveness", ex -> ex.ok(health()));
    router.add("POST", "/actuator/clock/add", ex -> {
      JsonNode body = RestJson.tree(ex.body());
      JsonNode offset = body.path("offsetMilli");
      if (!offset.isIntegralNumber()) {
        throw RestProblem.badRequest("Expected the field 'offsetMilli' to be a number of milliseconds");
      }
      ex.answer(engine.addClockOffset(Duration.ofMillis(offset.longValue())), MonitoringGateway::clock);
    });
    router.add("POST", "/actuator/clock/pin", ex -> {
      JsonNode body = RestJson.tree(ex.body());
      JsonNode at = body.path("epochMilli");
      if (!at.isIntegralNumber()) {
        throw RestProblem.badRequest("Expected the field 'epochMilli' to be an instant in epoch milliseconds");
      }
      ex.answer(engine.pinClock(Instant.ofEpochMilli(at.longValue())), MonitoringGateway::clock);
    });
    router.add("DELETE", "/actuator/clock", ex -> ex.answer(engine.resetClock(), MonitoringGateway::clock));
    router.add("POST", "/actuator/cluster/purge", ex -> ex.answer(engine.purge(), changeId -> {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("changeId", changeId);
      return result;
    }));
    try {
      this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("Could not open the monitoring port on " + host + ":" + port
          + " (is another engine or Camunda running there? Set another monitoring port or -1 to turn it off)", e);
    }
    server.setExecutor(executor);
    server.createContext("/", http -> {
      RestExchange exchange = new RestExchange(http, executor);
      try {
        router.dispatch(exchange);
      } catch (RestProblem p) {
        exchange.problem(p);
      } catch (RuntimeException e) {
        exchange.problem(RestProblem.of(e));
      }
    });
    server.start();
  }

  private static Map<String, Object> health() {
    return Map.of("status", "UP");
  }

  private static Map<String, Object> clock(Instant now) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("epochMilli", now.toEpochMilli());
    result.put("instant", now.toString());
    return result;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
  }
}
