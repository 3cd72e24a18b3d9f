package io.caseway.app.security;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Why someone accesses personal data, for the access log: the request's {@code Caseway-Purpose}
 * header when the caller states one (e.g. "prepare the roundtable meeting"), else what the endpoint
 * is for.
 */
public final class Purpose {
  public static final String HEADER = "Caseway-Purpose";

  private Purpose() {}

  public static String or(String endpointPurpose) {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      String stated = attributes.getRequest().getHeader(HEADER);
      if (stated != null && !stated.isBlank()) {
        String clean = stated.strip();
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
      }
    }
    return endpointPurpose;
  }
}
