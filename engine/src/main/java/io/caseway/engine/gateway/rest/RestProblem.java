package io.caseway.engine.gateway.rest;

import io.caseway.engine.processing.CommandRejectedException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * A failed request, answered as {@code application/problem+json} (RFC 9457: type, title, status,
 * detail, instance), the shape the Camunda client reads into its {@code ProblemDetail}.
 */
final class RestProblem extends RuntimeException {
  private final int status;
  private final String title;

  RestProblem(int status, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }

  String detail() {
    return getMessage();
  }

  static RestProblem badRequest(String detail) {
    return new RestProblem(400, "INVALID_ARGUMENT", detail);
  }

  static RestProblem notFound(String detail) {
    return new RestProblem(404, "NOT_FOUND", detail);
  }

  static RestProblem methodNotAllowed(String detail) {
    return new RestProblem(405, "METHOD_NOT_ALLOWED", detail);
  }

  static RestProblem payloadTooLarge(String detail) {
    return new RestProblem(413, "PAYLOAD_TOO_LARGE", detail);
  }

  static RestProblem unsupportedMediaType(String detail) {
    return new RestProblem(415, "UNSUPPORTED_MEDIA_TYPE", detail);
  }

  static RestProblem notImplemented(String detail) {
    return new RestProblem(501, "NOT_IMPLEMENTED", detail);
  }

  /**
   * The problem for a failed command: a rejection keeps its type as the title and its sentence as
   * the detail (INVALID_ARGUMENT 400, NOT_FOUND 404, ALREADY_EXISTS and INVALID_STATE 409,
   * PROCESSING_ERROR 500); a request timeout is 504; anything else is 500.
   */
  static RestProblem of(Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof RestProblem p) {
      return p;
    }
    if (e instanceof CommandRejectedException r) {
      int status = switch (r.type()) {
        case INVALID_ARGUMENT -> 400;
        case NOT_FOUND -> 404;
        case ALREADY_EXISTS, INVALID_STATE -> 409;
        case PROCESSING_ERROR -> 500;
      };
      return new RestProblem(status, r.type().name(), r.getMessage());
    }
    if (e instanceof TimeoutException) {
      return new RestProblem(504, "DEADLINE_EXCEEDED", e.getMessage() != null ? e.getMessage()
          : "The engine did not answer within the request timeout");
    }
    return new RestProblem(500, "INTERNAL", "Unexpected failure: " + e);
  }
}
