package io.caseway.workers;

import java.util.Locale;

/** The state of a citizen's consent to obtain health data from one source, as the intake's consent gate sees it. */
public enum ConsentStatus {
  GIVEN,
  MISSING,
  REFUSED,
  EXPIRED;

  /** The value the process routes on: {@code given}, {@code missing}, {@code refused} or {@code expired}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
