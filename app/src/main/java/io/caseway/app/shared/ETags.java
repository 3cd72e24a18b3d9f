package io.caseway.app.shared;

import io.caseway.app.shared.Problems.ProblemException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/** Versions as strong entity tags ({@code "3"}), and the check that a change is based on the current one. */
public final class ETags {
  private ETags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  public static long version(String ifMatch) {
    String v = ifMatch == null ? "" : ifMatch.strip();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1);
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("If-Match", "expected the ETag of the case as read, such as \"3\", but got '"
          + ifMatch + "'");
    }
  }

  /** Refuses a change based on a stale read: answered as 409 by {@link Problems}. */
  public static void requireVersion(Class<?> type, Object id, long actual, long expected) {
    if (actual != expected) {
      throw new ObjectOptimisticLockingFailureException(type, id);
    }
  }
}
