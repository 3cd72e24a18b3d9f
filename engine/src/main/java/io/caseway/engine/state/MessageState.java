package io.caseway.engine.state;

import io.caseway.engine.protocol.value.MessageRecord;
import io.caseway.engine.protocol.value.MessageStartEventSubscriptionRecord;
import io.caseway.engine.protocol.value.MessageSubscriptionRecord;
import io.caseway.engine.state.JobState.Due;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Buffered messages (with their time to live), open message subscriptions of waiting element
 * instances, and message start event subscriptions of the latest process versions.
 */
public final class MessageState {
  private final Map<Long, MessageRecord> messages = new HashMap<>();
  private final Map<String, LinkedHashSet<Long>> messagesByNameAndKey = new HashMap<>();
  private final Map<String, Long> messageIds = new HashMap<>();
  private final NavigableSet<Due> expiries = new TreeSet<>(JobState.BY_TIME);
  /** Message key → process instances it was correlated to (a buffered message correlates once per instance). */
  private final Map<Long, Set<Long>> correlatedInstances = new HashMap<>();

  private final Map<Long, MessageSubscriptionRecord> subscriptions = new HashMap<>();
  private final Map<String, LinkedHashSet<Long>> subscriptionsByNameAndKey = new HashMap<>();
  private final Map<Long, List<Long>> subscriptionsByElementInstance = new HashMap<>();

  private final Map<String, List<MessageStartEventSubscriptionRecord>> startSubscriptions = new HashMap<>();

  static String index(String name, String correlationKey) {
    return name + '\u0000' + correlationKey;
  }

  public MessageRecord message(long key) {
    return messages.get(key);
  }

  public Set<Long> buffered(String name, String correlationKey) {
    return messagesByNameAndKey.getOrDefault(index(name, correlationKey), new LinkedHashSet<>());
  }

  public boolean hasMessageId(String name, String correlationKey, String messageId) {
    return messageIds.containsKey(index(name, correlationKey) + '\u0000' + messageId);
  }

  public boolean wasCorrelatedTo(long messageKey, long processInstanceKey) {
    return correlatedInstances.getOrDefault(messageKey, Set.of()).contains(processInstanceKey);
  }

  public NavigableSet<Due> expiries() {
    return expiries;
  }

  public MessageSubscriptionRecord subscription(long key) {
    return subscriptions.get(key);
  }

  public Set<Long> subscriptions(String name, String correlationKey) {
    return subscriptionsByNameAndKey.getOrDefault(index(name, correlationKey), new LinkedHashSet<>());
  }

  public List<Long> subscriptionsOf(long elementInstanceKey) {
    return subscriptionsByElementInstance.getOrDefault(elementInstanceKey, List.of());
  }

  /**
   * Process instances started by a message with a correlation key, while they run: process id and
   * correlation key → instance. A message start event starts one instance per key at a time.
   */
  private final Map<String, Long> activeStartKeys = new LinkedHashMap<>();
  private final Map<Long, String> activeStartKeyOfInstance = new HashMap<>();

  private static String startKey(String bpmnProcessId, String correlationKey) {
    return bpmnProcessId + "\u0000" + correlationKey;
  }

  public boolean hasActiveInstance(String bpmnProcessId, String correlationKey) {
    return activeStartKeys.containsKey(startKey(bpmnProcessId, correlationKey));
  }

  /** The correlation key a running message-started instance was started with, or null. */
  public String startCorrelationKeyOf(long processInstanceKey) {
    String composite = activeStartKeyOfInstance.get(processInstanceKey);
    return composite == null ? null : composite.substring(composite.indexOf('\u0000') + 1);
  }

  void startedByMessage(String bpmnProcessId, String correlationKey, long processInstanceKey) {
    String composite = startKey(bpmnProcessId, correlationKey);
    activeStartKeys.put(composite, processInstanceKey);
    activeStartKeyOfInstance.put(processInstanceKey, composite);
  }

  void instanceEnded(long processInstanceKey) {
    String composite = activeStartKeyOfInstance.remove(processInstanceKey);
    if (composite != null) {
      activeStartKeys.remove(composite);
    }
  }

  /** For snapshots: process id + NUL + correlation key → instance, in the order they started. */
  Map<String, Long> activeStartKeyMap() {
    return activeStartKeys;
  }

  void restoreActiveStartKey(String composite, long processInstanceKey) {
    activeStartKeys.put(composite, processInstanceKey);
    activeStartKeyOfInstance.put(processInstanceKey, composite);
  }

  /** The message start subscription of a process's latest version, or null. */
  public MessageStartEventSubscriptionRecord startSubscriptionOf(String bpmnProcessId) {
    for (List<MessageStartEventSubscriptionRecord> list : startSubscriptions.values()) {
      for (MessageStartEventSubscriptionRecord s : list) {
        if (s.bpmnProcessId().equals(bpmnProcessId)) {
          return s;
        }
      }
    }
    return null;
  }

  /** Whether a buffered message has reached any process instance yet. */
  public boolean wasCorrelated(long messageKey) {
    Set<Long> instances = correlatedInstances.get(messageKey);
    return instances != null && !instances.isEmpty();
  }

  public List<MessageStartEventSubscriptionRecord> startSubscriptions(String messageName) {
    return startSubscriptions.getOrDefault(messageName, List.of());
  }

  public int bufferedCount() {
    return messages.size();
  }

  // ---- snapshot support (StateSnapshotCodec and tests) ----

  Map<Long, MessageRecord> messageMap() {
    return messages;
  }

  Map<String, LinkedHashSet<Long>> messageIndex() {
    return messagesByNameAndKey;
  }

  Map<String, Long> messageIdIndex() {
    return messageIds;
  }

  Map<Long, Set<Long>> correlations() {
    return correlatedInstances;
  }

  Map<Long, MessageSubscriptionRecord> subscriptionMap() {
    return subscriptions;
  }

  Map<String, LinkedHashSet<Long>> subscriptionIndex() {
    return subscriptionsByNameAndKey;
  }

  Map<Long, List<Long>> subscriptionsByElement() {
    return subscriptionsByElementInstance;
  }

  Map<String, List<MessageStartEventSubscriptionRecord>> startSubscriptionMap() {
    return startSubscriptions;
  }

  /** Puts an element instance's subscriptions back in the order they were opened. */
  void restoreSubscriptionOrder(long elementInstanceKey, List<Long> keys) {
    List<Long> current = subscriptionsByElementInstance.get(elementInstanceKey);
    if (current == null || current.size() != keys.size() || !new HashSet<>(current).equals(new HashSet<>(keys))) {
      throw new IllegalStateException("Snapshot lists subscriptions " + keys + " for element instance "
          + elementInstanceKey + ", but the restored state has " + current);
    }
    current.clear();
    current.addAll(keys);
  }

  // ---- mutators, for appliers only ----

  void putMessage(long key, MessageRecord m) {
    messages.put(key, m);
    messagesByNameAndKey.computeIfAbsent(index(m.name(), m.correlationKey()), k -> new LinkedHashSet<>()).add(key);
    if (m.messageId() != null && !m.messageId().isEmpty()) {
      messageIds.put(index(m.name(), m.correlationKey()) + '\u0000' + m.messageId(), key);
    }
    expiries.add(new Due(m.deadline(), key));
  }

  void removeMessage(long key) {
    MessageRecord m = messages.remove(key);
    if (m == null) {
      return;
    }
    String idx = index(m.name(), m.correlationKey());
    Set<Long> keys = messagesByNameAndKey.get(idx);
    if (keys != null) {
      keys.remove(key);
      if (keys.isEmpty()) messagesByNameAndKey.remove(idx);
    }
    if (m.messageId() != null && !m.messageId().isEmpty()) {
      messageIds.remove(idx + '\u0000' + m.messageId());
    }
    expiries.remove(new Due(m.deadline(), key));
    correlatedInstances.remove(key);
  }

  void markCorrelated(long messageKey, long processInstanceKey) {
    if (messages.containsKey(messageKey)) {
      correlatedInstances.computeIfAbsent(messageKey, k -> new HashSet<>()).add(processInstanceKey);
    }
  }

  void putSubscription(long key, MessageSubscriptionRecord s) {
    subscriptions.put(key, s);
    subscriptionsByNameAndKey.computeIfAbsent(index(s.messageName(), s.correlationKey()), k -> new LinkedHashSet<>()).add(key);
    subscriptionsByElementInstance.computeIfAbsent(s.elementInstanceKey(), k -> new ArrayList<>(1)).add(key);
  }

  void removeSubscription(long key) {
    MessageSubscriptionRecord s = subscriptions.remove(key);
    if (s == null) {
      return;
    }
    String idx = index(s.messageName(), s.correlationKey());
    Set<Long> keys = subscriptionsByNameAndKey.get(idx);
    if (keys != null) {
      keys.remove(key);
      if (keys.isEmpty()) subscriptionsByNameAndKey.remove(idx);
    }
    List<Long> byElement = subscriptionsByElementInstance.get(s.elementInstanceKey());
    if (byElement != null) {
      byElement.remove(key);
      if (byElement.isEmpty()) subscriptionsByElementInstance.remove(s.elementInstanceKey());
    }
  }

  void putStartSubscription(MessageStartEventSubscriptionRecord s) {
    startSubscriptions.computeIfAbsent(s.messageName(), k -> new ArrayList<>()).add(s);
  }

  void removeStartSubscriptions(long processDefinitionKey) {
    startSubscriptions.values().forEach(l -> l.removeIf(s -> s.processDefinitionKey() == processDefinitionKey));
    startSubscriptions.values().removeIf(List::isEmpty);
  }

  /** Forgets everything (a purge). */
  void clear() {
    activeStartKeys.clear();
    activeStartKeyOfInstance.clear();
    messages.clear();
    messagesByNameAndKey.clear();
    messageIds.clear();
    expiries.clear();
    correlatedInstances.clear();
    subscriptions.clear();
    subscriptionsByNameAndKey.clear();
    subscriptionsByElementInstance.clear();
    startSubscriptions.clear();
  }
}
