package io.caseway.engine.state;

import io.caseway.engine.protocol.value.CompensationSubscriptionRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Completed activities that can still be compensated, per scope in completion order; and the
 * handlers that run for a compensation throw event, which waits until none is left.
 */
public final class CompensationState {
  private final Map<Long, List<CompensationSubscriptionRecord>> compensable = new LinkedHashMap<>();
  private final Map<Long, Long> throwEventOfHandler = new LinkedHashMap<>();
  private final Map<Long, Integer> runningHandlers = new HashMap<>();

  /** The activities of this scope that can be compensated, oldest first (a copy). */
  public List<CompensationSubscriptionRecord> compensable(long scopeKey) {
    return List.copyOf(compensable.getOrDefault(scopeKey, List.of()));
  }

  /** The throw event waiting for this handler instance, or -1. */
  public long throwEventOf(long handlerInstanceKey) {
    return throwEventOfHandler.getOrDefault(handlerInstanceKey, -1L);
  }

  public int runningHandlers(long throwEventInstanceKey) {
    return runningHandlers.getOrDefault(throwEventInstanceKey, 0);
  }

  void created(CompensationSubscriptionRecord r) {
    compensable.computeIfAbsent(r.scopeKey(), k -> new ArrayList<>()).add(r);
  }

  void triggered(CompensationSubscriptionRecord r) {
    List<CompensationSubscriptionRecord> list = compensable.get(r.scopeKey());
    if (list != null) {
      list.removeIf(c -> c.elementInstanceKey() == r.elementInstanceKey());
      if (list.isEmpty()) {
        compensable.remove(r.scopeKey());
      }
    }
    throwEventOfHandler.put(r.handlerInstanceKey(), r.throwEventInstanceKey());
    runningHandlers.merge(r.throwEventInstanceKey(), 1, Integer::sum);
  }

  void completed(CompensationSubscriptionRecord r) {
    throwEventOfHandler.remove(r.handlerInstanceKey());
    runningHandlers.computeIfPresent(r.throwEventInstanceKey(), (k, v) -> v <= 1 ? null : v - 1);
  }

  /**
   * A scope (an embedded sub-process) completed inside another: what completed in it can still be
   * compensated from the outer scope, after what completed there before it.
   */
  void scopeCompleted(long scopeKey, long outerScopeKey) {
    List<CompensationSubscriptionRecord> inner = compensable.remove(scopeKey);
    runningHandlers.remove(scopeKey);
    if (inner == null) {
      return;
    }
    List<CompensationSubscriptionRecord> outer = compensable.computeIfAbsent(outerScopeKey, k -> new ArrayList<>());
    for (CompensationSubscriptionRecord r : inner) {
      outer.add(new CompensationSubscriptionRecord(outerScopeKey, r.elementId(), r.elementInstanceKey(),
          r.throwEventInstanceKey(), r.handlerInstanceKey(), r.processInstanceKey(), r.tenantId()));
    }
  }

  /** A scope left: what ran in it can no longer be compensated. */
  void scopeGone(long scopeKey) {
    compensable.remove(scopeKey);
    runningHandlers.remove(scopeKey);
  }

  Map<Long, List<CompensationSubscriptionRecord>> compensableMap() {
    return compensable;
  }

  Map<Long, Long> throwEventOfHandlerMap() {
    return throwEventOfHandler;
  }

  void restoreHandler(long handlerKey, long throwEventKey) {
    throwEventOfHandler.put(handlerKey, throwEventKey);
    runningHandlers.merge(throwEventKey, 1, Integer::sum);
  }

  void clear() {
    compensable.clear();
    throwEventOfHandler.clear();
    runningHandlers.clear();
  }
}
