package io.caseway.engine.processing.job;

import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.BpmnVariableBehavior;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.protocol.intent.JobIntent;
import io.caseway.engine.protocol.value.JobRecord;
import io.caseway.engine.state.ElementInstance;

/** A worker reports a business error: a matching error boundary event catches it, or an incident opens. */
public final class JobThrowErrorProcessor implements CommandProcessor {
  private final BpmnBehaviors b;

  public JobThrowErrorProcessor(BpmnBehaviors b) {
    this.b = b;
  }

  @Override
  public void process(Command command, ProcessingContext ctx) {
    var job = JobCommands.requireJob(command, ctx, "throw an error for");
    JobRecord request = command.valueAs(JobRecord.class);
    if (request.errorCode() == null || request.errorCode().isBlank()) {
      throw Rejection.invalidArgument("Expected an error code to throw for job with key '" + command.key()
          + "', but it was empty");
    }
    if (JobCommands.isTaskListener(job.record())) {
      throw Rejection.invalidArgument("Expected to throw an error for job with key '" + command.key()
          + "', but it is a task listener job, and task listeners cannot throw BPMN errors");
    }
    BpmnVariableBehavior.requireDocument(request.variables());
    JobRecord thrown = job.record().withError(request.errorCode(), request.errorMessage(), request.variables());
    ctx.respond(ctx.event(command.key(), JobIntent.ERROR_THROWN, thrown));
    ElementInstance instance = ctx.state().elementInstances().get(thrown.elementInstanceKey());
    Failure uncaught = instance == null ? null
        : b.errors().throwError(ctx, instance, request.errorCode(), request.errorMessage(), request.variables());
    if (uncaught != null) {
      b.incidents().raiseForJob(ctx, command.key(), thrown, uncaught);
    }
  }
}
