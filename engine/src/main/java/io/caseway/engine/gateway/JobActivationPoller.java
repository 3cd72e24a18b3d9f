package io.caseway.engine.gateway;

import io.caseway.engine.Engine;
import io.caseway.engine.protocol.intent.JobBatchIntent;
import io.caseway.engine.protocol.intent.JobIntent;
import io.caseway.engine.protocol.value.JobBatchRecord;
import io.caseway.engine.protocol.value.JobRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Job activation as a long poll, shared by gRPC ActivateJobs and REST {@code POST /v2/jobs/activation}: a request
 * that finds no job waits (parked per job type) until jobs of its type become activatable or its
 * request timeout passes (0: the default of 10 s; negative: answer at once). Jobs activated for a
 * request that was already answered are yielded back, so no job waits for its timeout in vain.
 */
public final class JobActivationPoller implements AutoCloseable {
  public static final long DEFAULT_LONG_POLL_MILLIS = 10_000;

  private final Engine engine;
  private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "caseway-gateway-long-poll");
    t.setDaemon(true);
    return t;
  });
  private final Object lock = new Object();
  private final Map<String, Deque<Parked>> parked = new HashMap<>();
  private final Map<String, Long> notifications = new HashMap<>();
  private volatile boolean closed;

  private static final class Parked {
    final JobBatchRecord command;
    final long requestTimeout;
    final CompletableFuture<JobBatchRecord> result = new CompletableFuture<>();
    volatile ScheduledFuture<?> timeout;

    Parked(JobBatchRecord command, long requestTimeout) {
      this.command = command;
      this.requestTimeout = requestTimeout;
    }
  }

  public JobActivationPoller(Engine engine) {
    this.engine = engine;
    engine.jobStreams().onJobsAvailable(this::jobsAvailable);
  }

  /** Completes with the activated jobs, possibly none; fails with the rejection of an invalid request. */
  public CompletableFuture<JobBatchRecord> activate(JobBatchRecord command, long requestTimeout) {
    Parked p = new Parked(command, requestTimeout);
    if (closed) {
      p.result.complete(empty(command));
      return p.result;
    }
    if (requestTimeout >= 0) {
      long millis = requestTimeout == 0 ? DEFAULT_LONG_POLL_MILLIS : requestTimeout;
      p.timeout = timeouts.schedule(() -> finish(p, empty(p.command)), millis, TimeUnit.MILLISECONDS);
    }
    attempt(p);
    return p.result;
  }

  /**
   * The caller went away: stop waiting for it. Jobs activated for it afterwards are yielded back.
   */
  public void abandon(CompletableFuture<JobBatchRecord> poll, JobBatchRecord command) {
    poll.complete(empty(command));
  }

  private void attempt(Parked p) {
    String type = p.command.type();
    long seen;
    synchronized (lock) {
      seen = notifications.getOrDefault(type, 0L);
    }
    engine.command(-1, JobBatchIntent.ACTIVATE, p.command).whenComplete((record, error) -> {
      if (error != null) {
        cancelTimeout(p);
        p.result.completeExceptionally(error);
        return;
      }
      JobBatchRecord batch = record.valueAs(JobBatchRecord.class);
      if (!batch.jobKeys().isEmpty() || p.requestTimeout < 0) {
        finish(p, batch);
        return;
      }
      boolean retry;
      synchronized (lock) {
        retry = notifications.getOrDefault(type, 0L) != seen;
        if (!retry && !p.result.isDone()) {
          parked.computeIfAbsent(type, t -> new ArrayDeque<>()).add(p);
        }
      }
      if (retry && !p.result.isDone()) {
        attempt(p);
      }
    });
  }

  private void jobsAvailable(String type) {
    List<Parked> wake;
    synchronized (lock) {
      notifications.merge(type, 1L, Long::sum);
      Deque<Parked> queue = parked.remove(type);
      wake = queue == null ? List.of() : new ArrayList<>(queue);
    }
    for (Parked p : wake) {
      if (!p.result.isDone()) {
        attempt(p);
      }
    }
  }

  /** Answers once; jobs that arrive for an answered request go back to the activatable jobs. */
  private void finish(Parked p, JobBatchRecord batch) {
    cancelTimeout(p);
    synchronized (lock) {
      Deque<Parked> queue = parked.get(p.command.type());
      if (queue != null) {
        queue.remove(p);
      }
    }
    if (!p.result.complete(batch)) {
      for (long key : batch.jobKeys()) {
        engine.command(key, JobIntent.YIELD, JobRecord.command());
      }
    }
  }

  private static void cancelTimeout(Parked p) {
    ScheduledFuture<?> timeout = p.timeout;
    if (timeout != null) {
      timeout.cancel(false);
    }
  }

  private static JobBatchRecord empty(JobBatchRecord command) {
    return new JobBatchRecord(command.type(), command.worker(), command.timeout(), command.maxJobsToActivate(),
        command.fetchVariables(), List.of(), List.of(), List.of());
  }

  @Override
  public void close() {
    closed = true;
    timeouts.shutdownNow();
    List<Parked> all = new ArrayList<>();
    synchronized (lock) {
      parked.values().forEach(all::addAll);
      parked.clear();
    }
    all.forEach(p -> finish(p, empty(p.command)));
  }
}
