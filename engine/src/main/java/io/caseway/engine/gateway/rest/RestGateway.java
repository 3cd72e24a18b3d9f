package io.caseway.engine.gateway.rest;

import io.caseway.engine.gateway.JobActivationPoller;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.caseway.engine.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Camunda REST API v2 (its commands) on the REST port, 8080 by default: the JDK's HTTP server
 * with a small pool that reads requests and writes answers; commands are answered asynchronously,
 * so a long poll or a create-with-result holds no thread. See docs/adr/0002-rest-gateway.md.
 */
public final class RestGateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RestGateway.class);
  private static final int THREADS = 4;

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final RestRouter router = new RestRouter();
  private final JobActivationPoller poller;

  public RestGateway(Engine engine, String host, int port) {
    AtomicInteger threads = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "caseway-rest-" + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    this.poller = new JobActivationPoller(engine);
    new RestApi(engine, poller).register(router);
    try {
      this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      executor.shutdownNow();
      poller.close();
      throw new UncheckedIOException("Could not open the REST gateway on " + host + ":" + port
          + " (is another engine or Camunda running there? Set another REST port or -1 to turn it off)", e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  private void handle(HttpExchange http) {
    RestExchange exchange = new RestExchange(http, this::answerLater);
    try {
      router.dispatch(exchange);
    } catch (RestProblem p) {
      exchange.problem(p);
    } catch (RuntimeException e) {
      LOG.warn("REST request {} {} failed", http.getRequestMethod(), http.getRequestURI(), e);
      exchange.problem(RestProblem.of(e));
    }
  }

  /** Runs an answer on the pool; once the gateway is closing, on the caller's thread. */
  private void answerLater(Runnable answer) {
    try {
      executor.execute(answer);
    } catch (RejectedExecutionException e) {
      answer.run();
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    poller.close();
    executor.shutdown();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.stop(0);
    executor.shutdownNow();
  }
}
