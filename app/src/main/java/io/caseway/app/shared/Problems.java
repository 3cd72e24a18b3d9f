package io.caseway.app.shared;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as {@code application/problem+json}: what was wrong and where. Bad
 * fields are listed under {@code errors} as {field, message}; nothing is written for a request
 * that is refused (each request is one transaction).
 */
@RestControllerAdvice
public class Problems extends ResponseEntityExceptionHandler {

  /** A request the domain refuses: not found, conflicting state, or invalid in a way only the domain can tell. */
  public static class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final List<FieldError> errors;

    public ProblemException(HttpStatus status, String detail) {
      this(status, detail, List.of());
    }

    public ProblemException(HttpStatus status, String detail, List<FieldError> errors) {
      super(detail);
      this.status = status;
      this.errors = errors;
    }

    public HttpStatus status() {
      return status;
    }

    public static ProblemException notFound(String detail) {
      return new ProblemException(HttpStatus.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
      return new ProblemException(HttpStatus.CONFLICT, detail);
    }

    public static ProblemException invalid(String field, String message) {
      return new ProblemException(HttpStatus.BAD_REQUEST, "The request has invalid fields",
          List.of(new FieldError(field, message)));
    }
  }

  public record FieldError(String field, String message) {}

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<ProblemDetail> problem(ProblemException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(e.status, e.getMessage());
    if (!e.errors.isEmpty()) {
      p.setProperty("errors", e.errors);
    }
    return ResponseEntity.status(e.status).body(p);
  }

  @ExceptionHandler({OptimisticLockingFailureException.class, OptimisticLockException.class})
  ResponseEntity<ProblemDetail> lostUpdate(RuntimeException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "Someone else changed this record since you read it; reload it and apply your change again");
    return ResponseEntity.status(HttpStatus.CONFLICT).body(p);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
    List<FieldError> errors = new ArrayList<>();
    e.getConstraintViolations().forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
    return problem(new ProblemException(HttpStatus.BAD_REQUEST, "The request has invalid fields", errors));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    return problem(ProblemException.invalid(e.getName(), "'" + e.getValue() + "' is not a valid "
        + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName())));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = new ArrayList<>();
    e.getBindingResult().getFieldErrors().forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
    e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new FieldError(g.getObjectName(),
        g.getDefaultMessage())));
    errors.sort(java.util.Comparator.comparing(FieldError::field));
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields");
    p.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(p);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String detail = "The request body is not valid JSON for this request";
    if (e.getCause() instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && !m.getPath().isEmpty()) {
      String field = JsonPaths.of(m.getPath());
      ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields");
      p.setProperty("errors", List.of(new FieldError(field, "has the wrong type or format")));
      return ResponseEntity.badRequest().body(p);
    }
    if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
      detail += " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")";
    }
    return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
  }

  @Override
  protected ResponseEntity<Object> handleServletRequestBindingException(
      org.springframework.web.bind.ServletRequestBindingException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    if (e instanceof MissingRequestHeaderException m) {
      ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The header '" + m.getHeaderName()
          + "' is required");
      p.setProperty("errors", List.of(new FieldError(m.getHeaderName(), "is required")));
      return ResponseEntity.badRequest().body(p);
    }
    return super.handleServletRequestBindingException(e, headers, status, request);
  }

  /** Dotted paths for Jackson's reference chains: {@code citizen.contactChannel}, {@code needs[2]}. */
  static final class JsonPaths {
    static String of(List<com.fasterxml.jackson.databind.JsonMappingException.Reference> path) {
      StringBuilder b = new StringBuilder();
      for (var ref : path) {
        if (ref.getFieldName() != null) {
          if (!b.isEmpty()) {
            b.append('.');
          }
          b.append(ref.getFieldName());
        } else if (ref.getIndex() >= 0) {
          b.append('[').append(ref.getIndex()).append(']');
        }
      }
      return b.toString();
    }
  }
}
