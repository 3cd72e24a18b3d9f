package io.caseway.engine.state;

import io.caseway.engine.protocol.value.UserTaskRecord;
import java.util.HashMap;
import java.util.Map;

/** Zeebe user tasks and where each is in its lifecycle ({@link UserTaskLifecycle}). */
public final class UserTaskState {
  /** Lifecycle states of a user task. */
  public enum State {
    CREATED,
    ASSIGNING,
    COMPLETING,
    CANCELING
  }

  /** A user task and its state. */
  public record UserTask(UserTaskRecord record, State state) {}

  private final Map<Long, UserTask> tasks = new HashMap<>();

  public UserTask get(long key) {
    return tasks.get(key);
  }

  public Map<Long, UserTask> all() {
    return java.util.Collections.unmodifiableMap(tasks);
  }

  void put(long key, UserTaskRecord record, State state) {
    tasks.put(key, new UserTask(record, state));
  }

  void remove(long key) {
    tasks.remove(key);
  }

  /** Forgets everything (a purge). */
  void clear() {
    tasks.clear();
  }
}
