package io.caseway.engine.processing.job;

import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.protocol.intent.JobIntent;
import io.caseway.engine.state.JobLifecycle;
import io.caseway.engine.state.JobState;

/** The precondition every job command shares: the job exists and its lifecycle accepts the command. */
final class JobCommands {
  private JobCommands() {}

  static JobState.Job requireJob(Command command, ProcessingContext ctx, String verb) {
    JobState.Job job = ctx.state().jobs().get(command.key());
    if (job == null) {
      throw Rejection.notFound("Expected to " + verb + " job with key '" + command.key()
          + "', but no such job was found (it may have been completed or canceled already)");
    }
    if (!JobLifecycle.accepts((JobIntent) command.intent(), job.state())) {
      throw Rejection.invalidState("Expected to " + verb + " job with key '" + command.key() + "', but "
          + JobLifecycle.describe(job.state()));
    }
    return job;
  }

  /** Whether the job belongs to a task listener (not an execution listener, not the element's own work). */
  static boolean isTaskListener(io.caseway.engine.protocol.value.JobRecord job) {
    return job.listenerEventType() != null && !io.caseway.engine.model.ExecutionListener.START.equals(job.listenerEventType())
        && !io.caseway.engine.model.ExecutionListener.END.equals(job.listenerEventType());
  }
}
