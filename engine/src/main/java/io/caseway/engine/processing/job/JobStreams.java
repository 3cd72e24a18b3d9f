package io.caseway.engine.processing.job;

import io.caseway.engine.protocol.value.JobRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Open job streams (StreamActivatedJobs) per job type, and listeners that want to hear when jobs
 * of a type become activatable (long-polling ActivateJobs). Gateways register here from their own
 * threads; the processing loop reads it.
 */
public final class JobStreams {

  /** A worker's open stream: jobs are activated for it and pushed as they become activatable. */
  public interface JobStream {
    String worker();

    long timeout();

    List<String> fetchVariables();

    /** Sends the job; false if the stream is gone (the job is then yielded back). */
    boolean push(long key, JobRecord job, String variables);
  }

  private final Map<String, CopyOnWriteArrayList<JobStream>> streams = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> roundRobin = new ConcurrentHashMap<>();
  private final List<Consumer<String>> availabilityListeners = new CopyOnWriteArrayList<>();

  public void add(String type, JobStream stream) {
    streams.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(stream);
  }

  public void remove(String type, JobStream stream) {
    List<JobStream> list = streams.get(type);
    if (list != null) {
      list.remove(stream);
    }
  }

  /** The next stream for this type, round robin, or null if none is open. */
  public JobStream next(String type) {
    List<JobStream> list = streams.get(type);
    if (list == null || list.isEmpty()) {
      return null;
    }
    int i = Math.floorMod(roundRobin.computeIfAbsent(type, t -> new AtomicInteger()).getAndIncrement(), list.size());
    try {
      return list.get(i);
    } catch (IndexOutOfBoundsException raced) {
      return list.isEmpty() ? null : list.get(0);
    }
  }

  public void onJobsAvailable(Consumer<String> listener) {
    availabilityListeners.add(listener);
  }

  public void notifyAvailable(String type) {
    for (Consumer<String> l : availabilityListeners) {
      l.accept(type);
    }
  }
}
