package io.caseway.engine.model;

import java.util.Locale;
import java.util.Map;

/**
 * The user task lifecycle events a task listener can wait on. A task listener is an {@link
 * ExecutionListener}-shaped job definition whose event type is one of these.
 */
public final class TaskListeners {
  public static final String CREATING = "CREATING";
  public static final String ASSIGNING = "ASSIGNING";
  public static final String UPDATING = "UPDATING";
  public static final String COMPLETING = "COMPLETING";
  public static final String CANCELING = "CANCELING";

  /** Modeler's older names for the same events. */
  private static final Map<String, String> LEGACY = Map.of("create", CREATING, "assignment", ASSIGNING,
      "update", UPDATING, "complete", COMPLETING, "cancel", CANCELING);

  private TaskListeners() {}

  /** The event type for a model value such as {@code completing} or the older {@code complete}. */
  public static String eventType(String modelValue) {
    return LEGACY.getOrDefault(modelValue, modelValue.toUpperCase(Locale.ROOT));
  }

  /** Whether a listener may deny this transition (creating and canceling cannot be denied). */
  public static boolean deniable(String eventType) {
    return ASSIGNING.equals(eventType) || UPDATING.equals(eventType) || COMPLETING.equals(eventType);
  }
}
