package io.caseway.engine.state;

import io.caseway.engine.protocol.value.JobRecord;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/** Jobs by key, the activatable ones per type in creation order, and activation deadlines and back-offs. */
public final class JobState {

  /** Where a job is in its lifecycle; see {@link JobLifecycle} for the commands each state accepts. */
  public enum State {
    ACTIVATABLE,
    ACTIVATED,
    /** Failed with retries left, waiting for its retry back-off to pass. */
    BACKOFF,
    /** Failed with no retries left: an incident is open. */
    FAILED,
    /** Threw a BPMN error nobody caught: an incident is open. */
    ERROR_THROWN
  }

  /** A job and its lifecycle state. */
  public record Job(JobRecord record, State state) {}

  /** A point in time at which something about a key is due. */
  public record Due(long time, long key) {}

  static final Comparator<Due> BY_TIME = Comparator.comparingLong(Due::time).thenComparingLong(Due::key);

  private final Map<Long, Job> jobs = new HashMap<>();
  private final Map<String, LinkedHashSet<Long>> activatable = new HashMap<>();
  private final NavigableSet<Due> deadlines = new TreeSet<>(BY_TIME);
  private final NavigableSet<Due> backoffs = new TreeSet<>(BY_TIME);

  public Job get(long key) {
    return jobs.get(key);
  }

  public Collection<Long> activatable(String type) {
    Set<Long> keys = activatable.get(type);
    return keys == null ? Set.of() : keys;
  }

  public NavigableSet<Due> deadlines() {
    return deadlines;
  }

  public NavigableSet<Due> backoffs() {
    return backoffs;
  }

  public int size() {
    return jobs.size();
  }

  // ---- mutators, for appliers only ----

  void put(long key, JobRecord record, State state) {
    Job previous = jobs.put(key, new Job(record, state));
    if (previous != null) {
      unindex(key, previous);
    }
    switch (state) {
      case ACTIVATABLE -> activatable.computeIfAbsent(record.type(), t -> new LinkedHashSet<>()).add(key);
      case ACTIVATED -> deadlines.add(new Due(record.deadline(), key));
      case BACKOFF -> backoffs.add(new Due(record.recurringTime(), key));
      default -> {}
    }
  }

  void remove(long key) {
    Job previous = jobs.remove(key);
    if (previous != null) {
      unindex(key, previous);
    }
  }

  // ---- snapshot support (StateSnapshotCodec and tests) ----

  Map<Long, Job> jobMap() {
    return jobs;
  }

  /** Activatable jobs per type, in activation order. */
  Map<String, LinkedHashSet<Long>> activatableQueues() {
    return activatable;
  }

  private void unindex(long key, Job job) {
    switch (job.state()) {
      case ACTIVATABLE -> {
        Set<Long> keys = activatable.get(job.record().type());
        if (keys != null) {
          keys.remove(key);
          if (keys.isEmpty()) activatable.remove(job.record().type());
        }
      }
      case ACTIVATED -> deadlines.remove(new Due(job.record().deadline(), key));
      case BACKOFF -> backoffs.remove(new Due(job.record().recurringTime(), key));
      default -> {}
    }
  }

  /** Forgets everything (a purge). */
  void clear() {
    jobs.clear();
    activatable.clear();
    deadlines.clear();
    backoffs.clear();
  }
}
