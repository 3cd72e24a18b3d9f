package io.caseway.engine.state;

import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.ProcessInstanceRecord;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The live state of one element instance. Mutated only by event appliers; everything else reads it.
 */
public final class ElementInstance {
  private final long key;
  ProcessInstanceRecord value;
  ProcessInstanceIntent state;
  /** Active child element instances (containers only). */
  final Set<Long> children = new LinkedHashSet<>();
  /**
   * Tokens waiting at parallel gateway joins of this scope: flow id → how often it was taken and
   * not yet consumed by the join. Other tokens never wait: taking a flow activates its target at once.
   */
  final Map<String, Integer> takenJoinFlows = new HashMap<>();
  long jobKey = -1;
  long userTaskKey = -1;
  long calledChildInstanceKey = -1;
  /** An ad-hoc sub-process whose job worker said it is done: it completes once nothing runs inside. */
  boolean adHocCompletionFulfilled;

  ElementInstance(long key, ProcessInstanceRecord value, ProcessInstanceIntent state) {
    this.key = key;
    this.value = value;
    this.state = state;
  }

  public long key() { return key; }
  public ProcessInstanceRecord value() { return value; }
  public ProcessInstanceIntent state() { return state; }
  public Set<Long> children() { return children; }
  public Map<String, Integer> takenJoinFlows() { return takenJoinFlows; }
  public long jobKey() { return jobKey; }
  public long userTaskKey() { return userTaskKey; }
  public long calledChildInstanceKey() { return calledChildInstanceKey; }
  public boolean adHocCompletionFulfilled() { return adHocCompletionFulfilled; }

  public boolean isActive() {
    return state == ProcessInstanceIntent.ELEMENT_ACTIVATING || state == ProcessInstanceIntent.ELEMENT_ACTIVATED
        || state == ProcessInstanceIntent.ELEMENT_COMPLETING;
  }

  public boolean isTerminating() {
    return state == ProcessInstanceIntent.ELEMENT_TERMINATING;
  }

  /** No child is active and no token is on its way to one. */
  public boolean hasNoActiveTokens() {
    return children.isEmpty() && takenJoinFlows.isEmpty();
  }
}
