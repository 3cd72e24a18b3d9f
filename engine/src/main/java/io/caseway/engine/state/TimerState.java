package io.caseway.engine.state;

import io.caseway.engine.protocol.value.TimerRecord;
import io.caseway.engine.state.JobState.Due;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/** Armed timers ordered by due date, and the timers of each waiting element instance. */
public final class TimerState {
  private final Map<Long, TimerRecord> timers = new HashMap<>();
  private final NavigableSet<Due> due = new TreeSet<>(JobState.BY_TIME);
  private final Map<Long, List<Long>> byElementInstance = new HashMap<>();
  private final Map<Long, List<Long>> byProcessDefinition = new HashMap<>();

  public TimerRecord get(long key) {
    return timers.get(key);
  }

  public NavigableSet<Due> due() {
    return due;
  }

  public List<Long> ofElementInstance(long elementInstanceKey) {
    return byElementInstance.getOrDefault(elementInstanceKey, List.of());
  }

  /** Timer start events of a process definition. */
  public List<Long> ofProcessDefinition(long processDefinitionKey) {
    return byProcessDefinition.getOrDefault(processDefinitionKey, List.of());
  }

  public int size() {
    return timers.size();
  }

  // ---- snapshot support (StateSnapshotCodec and tests) ----

  Map<Long, TimerRecord> timerMap() {
    return timers;
  }

  Map<Long, List<Long>> elementInstanceIndex() {
    return byElementInstance;
  }

  Map<Long, List<Long>> processDefinitionIndex() {
    return byProcessDefinition;
  }

  void put(long key, TimerRecord timer) {
    timers.put(key, timer);
    due.add(new Due(timer.dueDate(), key));
    if (timer.elementInstanceKey() > 0) {
      byElementInstance.computeIfAbsent(timer.elementInstanceKey(), k -> new ArrayList<>(1)).add(key);
    } else {
      byProcessDefinition.computeIfAbsent(timer.processDefinitionKey(), k -> new ArrayList<>(1)).add(key);
    }
  }

  void remove(long key) {
    TimerRecord timer = timers.remove(key);
    if (timer == null) {
      return;
    }
    due.remove(new Due(timer.dueDate(), key));
    Map<Long, List<Long>> index = timer.elementInstanceKey() > 0 ? byElementInstance : byProcessDefinition;
    long owner = timer.elementInstanceKey() > 0 ? timer.elementInstanceKey() : timer.processDefinitionKey();
    List<Long> keys = index.get(owner);
    if (keys != null) {
      keys.remove(key);
      if (keys.isEmpty()) index.remove(owner);
    }
  }

  /** Forgets everything (a purge). */
  void clear() {
    timers.clear();
    due.clear();
    byElementInstance.clear();
    byProcessDefinition.clear();
  }
}
