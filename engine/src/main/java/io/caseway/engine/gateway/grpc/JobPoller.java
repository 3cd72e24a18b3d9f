package io.caseway.engine.gateway.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.StreamActivatedJobsRequest;
import io.caseway.engine.Engine;
import io.caseway.engine.processing.job.JobStreams;
import io.caseway.engine.protocol.intent.JobBatchIntent;
import io.caseway.engine.protocol.value.JobBatchRecord;
import io.caseway.engine.protocol.value.JobRecord;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * ActivateJobs as a real long poll: a request that finds no job waits (parked per job type) until
 * jobs of its type become activatable or its request timeout passes, then answers. Also serves
 * StreamActivatedJobs by registering the stream with the engine, which pushes jobs to it.
 */
final class JobPoller implements AutoCloseable {
  static final long DEFAULT_LONG_POLL_MILLIS = 10_000;

  private final Engine engine;
  private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "caseway-gateway-long-poll");
    t.setDaemon(true);
    return t;
  });
  private final Object lock = new Object();
  private final Map<String, Deque<Parked>> parked = new HashMap<>();
  private final Map<String, Long> notifications = new HashMap<>();

  private final class Parked {
    final ActivateJobsRequest request;
    final ServerCallStreamObserver<ActivateJobsResponse> observer;
    ScheduledFuture<?> timeout;
    boolean done;

    Parked(ActivateJobsRequest request, ServerCallStreamObserver<ActivateJobsResponse> observer) {
      this.request = request;
      this.observer = observer;
    }
  }

  JobPoller(Engine engine) {
    this.engine = engine;
    engine.jobStreams().onJobsAvailable(this::jobsAvailable);
  }

  void activate(ActivateJobsRequest request, ServerCallStreamObserver<ActivateJobsResponse> observer) {
    Parked p = new Parked(request, observer);
    observer.setOnCancelHandler(() -> finish(p, null));
    long pollMillis = request.getRequestTimeout() == 0 ? DEFAULT_LONG_POLL_MILLIS : request.getRequestTimeout();
    if (request.getRequestTimeout() >= 0) {
      p.timeout = timeouts.schedule(() -> finish(p, List.of()), pollMillis, TimeUnit.MILLISECONDS);
    }
    attempt(p);
  }

  private void attempt(Parked p) {
    long seen;
    synchronized (lock) {
      seen = notifications.getOrDefault(p.request.getType(), 0L);
    }
    ActivateJobsRequest r = p.request;
    JobBatchRecord command = new JobBatchRecord(r.getType(), r.getWorker(), r.getTimeout(), r.getMaxJobsToActivate(),
        List.copyOf(r.getFetchVariableList()), List.of(), List.of(), List.of());
    engine.command(-1, JobBatchIntent.ACTIVATE, command).whenComplete((record, error) -> {
      if (error != null) {
        cancelTimeout(p);
        synchronized (p) {
          if (!p.done) {
            p.done = true;
            p.observer.onError(GatewayService.toStatus(error).asRuntimeException());
          }
        }
        return;
      }
      List<ActivatedJob> jobs = GatewayService.activatedJobs(record);
      if (!jobs.isEmpty() || p.request.getRequestTimeout() < 0) {
        finish(p, jobs);
        return;
      }
      boolean retry;
      synchronized (lock) {
        retry = notifications.getOrDefault(p.request.getType(), 0L) != seen;
        if (!retry) {
          parked.computeIfAbsent(p.request.getType(), t -> new ArrayDeque<>()).add(p);
        }
      }
      if (retry) {
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
      if (!p.done) {
        attempt(p);
      }
    }
  }

  /** Answers once: jobs (possibly none), or nothing if the caller went away (null). */
  private void finish(Parked p, List<ActivatedJob> jobs) {
    cancelTimeout(p);
    synchronized (lock) {
      Deque<Parked> queue = parked.get(p.request.getType());
      if (queue != null) {
        queue.remove(p);
      }
    }
    synchronized (p) {
      if (p.done) {
        return;
      }
      p.done = true;
      if (jobs == null || p.observer.isCancelled()) {
        return;
      }
      try {
        p.observer.onNext(ActivateJobsResponse.newBuilder().addAllJobs(jobs).build());
        p.observer.onCompleted();
      } catch (RuntimeException e) {
        // the caller left while we answered; its jobs time out and become activatable again
      }
    }
  }

  private static void cancelTimeout(Parked p) {
    if (p.timeout != null) {
      p.timeout.cancel(false);
    }
  }

  void stream(StreamActivatedJobsRequest request, ServerCallStreamObserver<ActivatedJob> observer) {
    JobStreams.JobStream stream = new JobStreams.JobStream() {
      @Override
      public String worker() {
        return request.getWorker();
      }

      @Override
      public long timeout() {
        return request.getTimeout();
      }

      @Override
      public List<String> fetchVariables() {
        return List.copyOf(request.getFetchVariableList());
      }

      @Override
      public boolean push(long key, JobRecord job, String variables) {
        synchronized (observer) {
          if (observer.isCancelled()) {
            return false;
          }
          try {
            observer.onNext(GatewayService.activatedJob(key, job, variables));
            return true;
          } catch (RuntimeException e) {
            return false;
          }
        }
      }
    };
    observer.setOnCancelHandler(() -> engine.jobStreams().remove(request.getType(), stream));
    engine.jobStreams().add(request.getType(), stream);
  }

  @Override
  public void close() {
    timeouts.shutdownNow();
    List<Parked> all = new ArrayList<>();
    synchronized (lock) {
      parked.values().forEach(all::addAll);
      parked.clear();
    }
    all.forEach(p -> finish(p, List.of()));
  }
}
