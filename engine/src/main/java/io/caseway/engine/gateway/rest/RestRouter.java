package io.caseway.engine.gateway.rest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps method and path to a handler. Path patterns are literal segments and {@code {name}}
 * parameters. A path with no route at all is 404, a path served only for other methods 405, and a
 * read or search of the Camunda REST API that the engine does not serve yet 501.
 */
final class RestRouter {
  /** Handles one request; answers through the exchange, at once or later. */
  @FunctionalInterface
  interface Handler {
    void handle(RestExchange exchange);
  }

  private record Route(String method, String[] segments, Handler handler) {}

  /** Resources of the REST API v2 whose reads (GET by key) and searches the engine does not serve yet. */
  private static final Set<String> UNSERVED_READS = Set.of("process-instances", "process-definitions",
      "element-instances", "variables", "incidents", "user-tasks", "decision-instances", "decision-definitions",
      "decision-requirements", "jobs", "message-subscriptions", "correlated-message-subscriptions", "forms",
      "batch-operations", "batch-operation-items", "users", "groups", "roles", "tenants", "authorizations",
      "mapping-rules", "documents", "usage-metrics", "license", "authentication", "status", "clock");

  private final List<Route> routes = new ArrayList<>();

  void add(String method, String pattern, Handler handler) {
    routes.add(new Route(method, split(pattern), handler));
  }

  void dispatch(RestExchange exchange) {
    String[] path = split(exchange.path());
    Set<String> allowed = new LinkedHashSet<>();
    boolean literal = false;
    for (Route route : routes) {
      if (!matches(route.segments(), path, null)) {
        continue;
      }
      if (route.method().equals(exchange.method())) {
        matches(route.segments(), path, exchange);
        route.handler().handle(exchange);
        return;
      }
      allowed.add(route.method());
      literal |= java.util.Arrays.stream(route.segments()).noneMatch(s -> s.startsWith("{"));
    }
    if (!literal && isUnservedRead(exchange.method(), path)) {
      throw RestProblem.notImplemented(exchange.method() + " " + exchange.path() + " is not served by the Caseway"
          + " engine yet: it serves the commands of the Camunda REST API v2, not its searches and reads (use"
          + " commands, or a Camunda 8 cluster for searches)");
    }
    if (!allowed.isEmpty()) {
      exchange.header("Allow", String.join(", ", allowed));
      throw RestProblem.methodNotAllowed("Expected " + String.join(" or ", allowed) + " for " + exchange.path()
          + ", but the request used " + exchange.method());
    }
    throw RestProblem.notFound("There is no endpoint at " + exchange.path()
        + " (the Caseway engine serves the Camunda REST API v2 under /v2)");
  }

  private static boolean isUnservedRead(String method, String[] path) {
    if (path.length < 2 || !path[0].equals("v2") || !UNSERVED_READS.contains(path[1])) {
      return false;
    }
    boolean search = method.equals("POST") && path.length >= 3 && path[path.length - 1].equals("search");
    boolean read = method.equals("GET");
    boolean clock = path[1].equals("clock") && (method.equals("PUT") || method.equals("POST"));
    return search || read || clock;
  }

  private static boolean matches(String[] pattern, String[] path, RestExchange bind) {
    if (pattern.length != path.length) {
      return false;
    }
    for (int i = 0; i < pattern.length; i++) {
      boolean parameter = pattern[i].startsWith("{") && pattern[i].endsWith("}");
      if (parameter) {
        if (bind != null) {
          bind.parameter(pattern[i].substring(1, pattern[i].length() - 1), path[i]);
        }
      } else if (!pattern[i].equals(path[i])) {
        return false;
      }
    }
    return true;
  }

  private static String[] split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }
}
