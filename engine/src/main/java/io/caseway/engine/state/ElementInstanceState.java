package io.caseway.engine.state;

import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.ProcessEventRecord;
import io.caseway.engine.protocol.value.ProcessInstanceRecord;
import java.util.HashMap;
import java.util.Map;

/** All live element instances, the process instances among them, and their parent/child links. */
public final class ElementInstanceState {
  private final Map<Long, ElementInstance> instances = new HashMap<>();
  private final Map<Long, Integer> activeInstancesPerDefinition = new HashMap<>();
  private final Map<Long, ProcessEventRecord> pendingEvents = new HashMap<>();

  /** The event waiting for this (terminating) element instance to be gone, or null. */
  public ProcessEventRecord pendingEvent(long interruptedKey) {
    return pendingEvents.get(interruptedKey);
  }

  public ElementInstance get(long key) {
    return instances.get(key);
  }

  public int activeInstancesOf(long processDefinitionKey) {
    return activeInstancesPerDefinition.getOrDefault(processDefinitionKey, 0);
  }

  public int size() {
    return instances.size();
  }

  // ---- mutators, for appliers only ----

  void activating(long key, ProcessInstanceRecord value) {
    ElementInstance instance = new ElementInstance(key, value, ProcessInstanceIntent.ELEMENT_ACTIVATING);
    instances.put(key, instance);
    ElementInstance scope = instances.get(value.flowScopeKey());
    if (scope != null) {
      scope.children.add(key);
    }
    if (value.flowScopeKey() < 0) {
      activeInstancesPerDefinition.merge(value.processDefinitionKey(), 1, Integer::sum);
    }
  }

  void transition(long key, ProcessInstanceIntent state) {
    ElementInstance instance = instances.get(key);
    if (instance != null) {
      instance.state = state;
    }
  }

  void remove(long key) {
    ElementInstance instance = instances.remove(key);
    if (instance == null) {
      return;
    }
    ElementInstance scope = instances.get(instance.value.flowScopeKey());
    if (scope != null) {
      scope.children.remove(key);
    }
    if (instance.value.flowScopeKey() < 0) {
      activeInstancesPerDefinition.computeIfPresent(
          instance.value.processDefinitionKey(), (k, v) -> v <= 1 ? null : v - 1);
    }
  }

  void tokenArrivedAtJoin(long flowScopeKey, String flowId) {
    ElementInstance scope = instances.get(flowScopeKey);
    if (scope != null) {
      scope.takenJoinFlows.merge(flowId, 1, Integer::sum);
    }
  }

  /** A joining gateway consumed one token from each of its incoming flows. */
  void joinConsumed(long flowScopeKey, Iterable<String> flowIds) {
    ElementInstance scope = instances.get(flowScopeKey);
    for (String flowId : flowIds) {
      scope.takenJoinFlows.computeIfPresent(flowId, (k, v) -> v <= 1 ? null : v - 1);
    }
  }

  void setJobKey(long key, long jobKey) {
    ElementInstance i = instances.get(key);
    if (i != null) i.jobKey = jobKey;
  }

  void setUserTaskKey(long key, long userTaskKey) {
    ElementInstance i = instances.get(key);
    if (i != null) i.userTaskKey = userTaskKey;
  }

  void setAdHocCompletionFulfilled(long key) {
    ElementInstance i = instances.get(key);
    if (i != null) i.adHocCompletionFulfilled = true;
  }

  void setCalledChild(long key, long childKey) {
    ElementInstance i = instances.get(key);
    if (i != null) i.calledChildInstanceKey = childKey;
  }

  // ---- snapshot support (StateSnapshotCodec and tests): read-only views and restore hooks ----

  Map<Long, ElementInstance> instanceMap() {
    return instances;
  }

  Map<Long, ProcessEventRecord> pendingEventMap() {
    return pendingEvents;
  }

  Map<Long, Integer> activeInstanceCounts() {
    return activeInstancesPerDefinition;
  }

  void restoreJoinFlow(long key, String flowId, int count) {
    instances.get(key).takenJoinFlows.put(flowId, count);
  }

  void setPendingEvent(long interruptedKey, ProcessEventRecord event) {
    pendingEvents.put(interruptedKey, event);
  }

  void clearPendingEvent(long interruptedKey) {
    pendingEvents.remove(interruptedKey);
  }

  /** Forgets everything (a purge). */
  void clear() {
    instances.clear();
    activeInstancesPerDefinition.clear();
    pendingEvents.clear();
  }
}
