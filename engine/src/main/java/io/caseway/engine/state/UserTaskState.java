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
    CANCELING,
    CREATING,
    UPDATING
  }

  /**
   * A user task and its state. While a transition waits for its task listeners, {@code pending} is
   * the task as it will be once they are done (with their corrections so far); {@code record} is the
   * task as it was, which a denial keeps.
   */
  public record UserTask(UserTaskRecord record, State state, UserTaskRecord pending,
      io.caseway.engine.protocol.value.VariableDocumentRecord variables) {
    public UserTask(UserTaskRecord record, State state) {
      this(record, state, null, null);
    }

    public UserTask(UserTaskRecord record, State state, UserTaskRecord pending) {
      this(record, state, pending, null);
    }

    /** The task as a listener of the running transition sees it. */
    public UserTaskRecord current() {
      return pending != null ? pending : record;
    }
  }

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

  void put(long key, UserTaskRecord record, State state, UserTaskRecord pending) {
    tasks.put(key, new UserTask(record, state, pending));
  }

  /** A transition starts: the task keeps its data until its listeners are done. */
  void transitionStarted(long key, State state, UserTaskRecord pending) {
    UserTask task = tasks.get(key);
    tasks.put(key, new UserTask(task.record(), state, pending, task.variables()));
  }

  /** A listener corrected the task the running transition will leave behind. */
  void corrected(long key, UserTaskRecord pending) {
    UserTask task = tasks.get(key);
    tasks.put(key, new UserTask(task.record(), task.state(), pending, task.variables()));
  }

  /** Variables set on the task's scope wait for its updating listeners. */
  void variablesPending(long key, io.caseway.engine.protocol.value.VariableDocumentRecord document) {
    UserTask task = tasks.get(key);
    tasks.put(key, new UserTask(task.record(), task.state(), task.pending(), document));
  }

  void restore(long key, UserTask task) {
    tasks.put(key, task);
  }

  /** A listener denied the running transition: the task is open again, as it was. */
  void denied(long key) {
    UserTask task = tasks.get(key);
    tasks.put(key, new UserTask(task.record(), State.CREATED));
  }

  void remove(long key) {
    tasks.remove(key);
  }

  /** Forgets everything (a purge). */
  void clear() {
    tasks.clear();
  }
}
