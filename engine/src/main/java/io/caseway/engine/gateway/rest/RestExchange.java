package io.caseway.engine.gateway.rest;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP request and its one answer: the path parameters, the body, and a JSON response, an
 * empty 204 or a problem. Answers written later (after a command was processed) go through the
 * gateway's executor, never on the engine's processing thread.
 */
final class RestExchange {
  private static final Logger LOG = LoggerFactory.getLogger(RestExchange.class);
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private final HttpExchange http;
  private final Executor executor;
  private final AtomicBoolean answered = new AtomicBoolean();
  private final Map<String, String> parameters = new LinkedHashMap<>();
  private byte[] body;

  RestExchange(HttpExchange http, Executor executor) {
    this.http = http;
    this.executor = executor;
  }

  String method() {
    return http.getRequestMethod();
  }

  String path() {
    return http.getRequestURI().getRawPath();
  }

  void parameter(String name, String value) {
    parameters.put(name, value);
  }

  /** A path parameter as given. */
  String parameterValue(String name) {
    return parameters.get(name);
  }

  /** A path parameter that is a key: a positive number (keys are strings in the REST API). */
  long key(String name) {
    String value = parameters.get(name);
    long key;
    try {
      key = Long.parseLong(value);
    } catch (NumberFormatException e) {
      key = -1;
    }
    if (key < 1) {
      throw RestProblem.badRequest("Expected the path parameter '" + name + "' to be a key (a positive number),"
          + " but it was '" + value + "'");
    }
    return key;
  }

  String contentType() {
    return http.getRequestHeaders().getFirst("Content-Type");
  }

  byte[] body() {
    if (body == null) {
      try (InputStream in = http.getRequestBody()) {
        byte[] read = in.readNBytes(MAX_BODY_BYTES + 1);
        if (read.length > MAX_BODY_BYTES) {
          throw RestProblem.payloadTooLarge("The request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        body = read;
      } catch (IOException e) {
        throw RestProblem.badRequest("The request body could not be read: " + e.getMessage());
      }
    }
    return body;
  }

  <T> T json(Class<T> type, boolean required) {
    return RestJson.read(body(), type, required);
  }

  /** Answers when the future completes: 200 with the mapped body as JSON (204 if it maps to null), or a problem. */
  <R> void answer(CompletableFuture<R> future, Function<R, Object> response) {
    future.whenCompleteAsync((result, error) -> {
      if (error != null) {
        problem(RestProblem.of(error));
        return;
      }
      Object body;
      try {
        body = response.apply(result);
      } catch (RuntimeException e) {
        problem(RestProblem.of(e));
        return;
      }
      if (body == null) {
        noContent();
      } else {
        ok(body);
      }
    }, executor);
  }

  void ok(Object response) {
    send(200, "application/json", RestJson.write(response));
  }

  /** Answers 200 with a text body of the given type (process XML). */
  void text(String contentType, String text) {
    send(200, contentType, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  void noContent() {
    send(204, null, null);
  }

  void problem(RestProblem p) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", p.title());
    problem.put("status", p.status());
    problem.put("detail", p.detail());
    problem.put("instance", path());
    send(p.status(), "application/problem+json", RestJson.write(problem));
  }

  void header(String name, String value) {
    http.getResponseHeaders().set(name, value);
  }

  private void send(int status, String contentType, byte[] bytes) {
    if (!answered.compareAndSet(false, true)) {
      return;
    }
    try {
      if (contentType != null) {
        http.getResponseHeaders().set("Content-Type", contentType);
      }
      if (bytes == null) {
        http.sendResponseHeaders(status, -1);
      } else {
        http.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = http.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (IOException e) {
      LOG.debug("Could not answer {} {} (the caller went away?)", method(), path(), e);
    } finally {
      http.close();
    }
  }
}
