package io.caseway.engine.state;

import io.caseway.engine.protocol.value.SignalSubscriptionRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Signal subscriptions, by key, by signal name (in creation order) and by waiting element instance. */
public final class SignalState {
  private final Map<Long, SignalSubscriptionRecord> subscriptions = new LinkedHashMap<>();
  private final Map<String, LinkedHashSet<Long>> byName = new HashMap<>();
  private final Map<Long, List<Long>> byElementInstance = new HashMap<>();

  public SignalSubscriptionRecord subscription(long key) {
    return subscriptions.get(key);
  }

  /** The subscriptions waiting for this signal, oldest first (a copy). */
  public List<Long> subscriptions(String signalName) {
    Set<Long> keys = byName.get(signalName);
    return keys == null ? List.of() : List.copyOf(keys);
  }

  public List<Long> subscriptionsOf(long elementInstanceKey) {
    return byElementInstance.getOrDefault(elementInstanceKey, List.of());
  }

  /** The start-event subscriptions of one process definition. */
  public List<Long> startSubscriptionsOf(long processDefinitionKey) {
    List<Long> keys = new ArrayList<>();
    subscriptions.forEach((key, s) -> {
      if (s.catchEventInstanceKey() < 0 && s.processDefinitionKey() == processDefinitionKey) {
        keys.add(key);
      }
    });
    return keys;
  }

  /** Every subscription in creation order (snapshots). */
  Map<Long, SignalSubscriptionRecord> subscriptionMap() {
    return subscriptions;
  }

  public int size() {
    return subscriptions.size();
  }

  void put(long key, SignalSubscriptionRecord s) {
    subscriptions.put(key, s);
    byName.computeIfAbsent(s.signalName(), n -> new LinkedHashSet<>()).add(key);
    if (s.catchEventInstanceKey() > 0) {
      byElementInstance.computeIfAbsent(s.catchEventInstanceKey(), k -> new ArrayList<>()).add(key);
    }
  }

  void remove(long key) {
    SignalSubscriptionRecord s = subscriptions.remove(key);
    if (s == null) {
      return;
    }
    Set<Long> named = byName.get(s.signalName());
    if (named != null) {
      named.remove(key);
      if (named.isEmpty()) {
        byName.remove(s.signalName());
      }
    }
    List<Long> of = byElementInstance.get(s.catchEventInstanceKey());
    if (of != null) {
      of.remove(key);
      if (of.isEmpty()) {
        byElementInstance.remove(s.catchEventInstanceKey());
      }
    }
  }

  void clear() {
    subscriptions.clear();
    byName.clear();
    byElementInstance.clear();
  }
}
