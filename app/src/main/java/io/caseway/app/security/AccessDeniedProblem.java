package io.caseway.app.security;

import io.caseway.app.shared.Problems.ProblemException;
import org.springframework.http.HttpStatus;

/** A request that the signed-in user may not make; answered with 403 and a sentence saying why. */
public class AccessDeniedProblem extends ProblemException {
  public AccessDeniedProblem(String message) {
    super(HttpStatus.FORBIDDEN, message);
  }
}
