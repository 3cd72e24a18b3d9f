package io.caseway.engine.processing.bpmn.behavior;

import io.caseway.engine.processing.ResponseChannel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Callers of CreateProcessInstanceWithResult waiting for their instance to end. Confined to the
 * processing thread; not part of the state (after a restart the callers are gone anyway).
 */
public final class ProcessResultAwaiters {
  /** A waiting caller and the variables it asked for (all when empty). */
  public record Awaiter(ResponseChannel channel, List<String> fetchVariables) {}

  private final Map<Long, Awaiter> awaiters = new HashMap<>();

  public void await(long processInstanceKey, Awaiter awaiter) {
    awaiters.put(processInstanceKey, awaiter);
  }

  public Awaiter take(long processInstanceKey) {
    return awaiters.remove(processInstanceKey);
  }

  public boolean isAwaited(long processInstanceKey) {
    return awaiters.containsKey(processInstanceKey);
  }
}
