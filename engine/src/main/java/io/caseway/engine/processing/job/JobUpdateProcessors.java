package io.caseway.engine.processing.job;

import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.processing.bpmn.behavior.BpmnJobBehavior;
import io.caseway.engine.protocol.intent.JobIntent;
import io.caseway.engine.protocol.value.JobRecord;
import io.caseway.engine.state.JobLifecycle;
import io.caseway.engine.state.JobState;

/** The small job commands: update retries or timeout, time out, recur after back-off, yield. */
public final class JobUpdateProcessors {
  private JobUpdateProcessors() {}

  /** UpdateJobRetries: the job keeps its state; a failed job needs its incident resolved to run again. */
  public static CommandProcessor updateRetries() {
    return (command, ctx) -> {
      int retries = command.valueAs(JobRecord.class).retries();
      if (retries < 1) {
        throw Rejection.invalidArgument("Expected retries to be greater than zero, but it was " + retries);
      }
      var job = JobCommands.requireJob(command, ctx, "update retries of");
      ctx.respond(ctx.event(command.key(), JobIntent.RETRIES_UPDATED, job.record().withRetries(retries)));
    };
  }

  /** UpdateJobTimeout: a new deadline from now for an activated job. */
  public static CommandProcessor updateTimeout() {
    return (command, ctx) -> {
      long timeout = command.valueAs(JobRecord.class).timeout();
      if (timeout < 1) {
        throw Rejection.invalidArgument("Expected timeout to be greater than zero, but it was " + timeout);
      }
      var job = JobCommands.requireJob(command, ctx, "update the timeout of");
      JobRecord r = job.record();
      ctx.respond(ctx.event(command.key(), JobIntent.TIMEOUT_UPDATED,
          r.withActivation(r.worker(), ctx.now() + timeout, timeout)));
    };
  }

  /**
   * Retries and timeout in one command: both are checked before either is written, so the job
   * gets both changes or neither.
   */
  public static CommandProcessor update() {
    return (command, ctx) -> {
      JobRecord request = command.valueAs(JobRecord.class);
      if (request.retries() < 1) {
        throw Rejection.invalidArgument("Expected retries to be greater than zero, but it was " + request.retries());
      }
      if (request.timeout() < 1) {
        throw Rejection.invalidArgument("Expected timeout to be greater than zero, but it was " + request.timeout());
      }
      JobState.Job job = ctx.state().jobs().get(command.key());
      if (job == null) {
        throw Rejection.notFound("Expected to update job with key '" + command.key()
            + "', but no such job was found (it may have been completed or canceled already)");
      }
      if (!JobLifecycle.accepts(JobIntent.UPDATE_RETRIES, job.state())
          || !JobLifecycle.accepts(JobIntent.UPDATE_TIMEOUT, job.state())) {
        throw Rejection.invalidState("Expected to update the retries and timeout of job with key '" + command.key()
            + "', but " + JobLifecycle.describe(job.state()) + " (a timeout applies to activated jobs only)");
      }
      JobRecord retried = job.record().withRetries(request.retries());
      ctx.event(command.key(), JobIntent.RETRIES_UPDATED, retried);
      ctx.respond(ctx.event(command.key(), JobIntent.TIMEOUT_UPDATED,
          retried.withActivation(retried.worker(), ctx.now() + request.timeout(), request.timeout())));
    };
  }

  /** The deadline of an activated job passed: another worker may take it. */
  public static CommandProcessor timeOut(BpmnJobBehavior jobs) {
    return (command, ctx) -> {
      var job = JobCommands.requireJob(command, ctx, "time out");
      if (job.record().deadline() > ctx.now()) {
        throw Rejection.invalidState("Expected to time out job with key '" + command.key()
            + "', but its deadline has not passed (it was extended)");
      }
      JobRecord r = job.record().withDeadline(-1);
      ctx.event(command.key(), JobIntent.TIMED_OUT, r);
      jobs.activatable(ctx, command.key(), r);
    };
  }

  public static CommandProcessor recurAfterBackoff(BpmnJobBehavior jobs) {
    return (command, ctx) -> {
      var job = JobCommands.requireJob(command, ctx, "recur");
      ctx.event(command.key(), JobIntent.RECURRED_AFTER_BACKOFF, job.record());
      jobs.activatable(ctx, command.key(), job.record());
    };
  }

  /** A pushed job could not reach its stream: back to the activatable jobs. */
  public static CommandProcessor yield(BpmnJobBehavior jobs) {
    return (command, ctx) -> {
      JobState.Job job = JobCommands.requireJob(command, ctx, "yield");
      JobRecord r = job.record().withDeadline(-1);
      ctx.event(command.key(), JobIntent.YIELDED, r);
      jobs.activatable(ctx, command.key(), r);
    };
  }
}
