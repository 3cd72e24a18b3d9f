package io.caseway.app.casefile;

import java.util.Locale;

/** The two tracks the triage chooses between; the process variable uses the kebab-case form. */
public enum Track {
  JOB_DIRECTED,
  INTERDISCIPLINARY_UNIT;

  /** {@code job-directed} or {@code interdisciplinary-unit}, as the triage decision answers. */
  public static Track fromProcessValue(String value) {
    for (Track t : values()) {
      if (t.processValue().equals(value)) {
        return t;
      }
    }
    throw new IllegalArgumentException("'" + value + "' is not a track; expected job-directed or interdisciplinary-unit");
  }

  public String processValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
