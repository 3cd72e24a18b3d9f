package io.caseway.app.casefile;

import io.caseway.app.shared.Problems.ProblemException;

/** Versions as strong entity tags: {@code "3"}. */
final class ETags {
  private ETags() {}

  static String of(long version) {
    return "\"" + version + "\"";
  }

  static long version(String ifMatch) {
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
}
