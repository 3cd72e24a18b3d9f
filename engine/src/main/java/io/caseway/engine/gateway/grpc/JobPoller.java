package io.caseway.engine.gateway.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.StreamActivatedJobsRequest;
import io.caseway.engine.Engine;
import io.caseway.engine.gateway.JobActivationPoller;
import io.caseway.engine.processing.job.JobStreams;
import io.caseway.engine.protocol.value.JobBatchRecord;
import io.caseway.engine.protocol.value.JobRecord;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The gRPC side of job activation: ActivateJobs long-polls through the shared
 * {@link JobActivationPoller}; StreamActivatedJobs registers the stream with the engine, which
 * pushes jobs to it as they become activatable.
 */
final class JobPoller implements AutoCloseable {
  private final Engine engine;
  private final JobActivationPoller poller;

  JobPoller(Engine engine) {
    this.engine = engine;
    this.poller = new JobActivationPoller(engine);
  }

  void activate(ActivateJobsRequest r, ServerCallStreamObserver<ActivateJobsResponse> observer) {
    JobBatchRecord command = new JobBatchRecord(r.getType(), r.getWorker(), r.getTimeout(), r.getMaxJobsToActivate(),
        List.copyOf(r.getFetchVariableList()), List.of(), List.of(), List.of());
    CompletableFuture<JobBatchRecord> poll = poller.activate(command, r.getRequestTimeout());
    observer.setOnCancelHandler(() -> poller.abandon(poll, command));
    poll.whenComplete((batch, error) -> {
      if (observer.isCancelled()) {
        return;
      }
      try {
        if (error != null) {
          observer.onError(GatewayService.toStatus(error).asRuntimeException());
          return;
        }
        observer.onNext(ActivateJobsResponse.newBuilder().addAllJobs(GatewayService.activatedJobs(batch)).build());
        observer.onCompleted();
      } catch (RuntimeException e) {
        // the caller left while we answered; its jobs time out and become activatable again
      }
    });
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
    poller.close();
  }
}
