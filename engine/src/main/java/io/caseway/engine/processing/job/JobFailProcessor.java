package io.caseway.engine.processing.job;

import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.BpmnVariableBehavior;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.protocol.intent.JobIntent;
import io.caseway.engine.protocol.value.JobRecord;
import io.caseway.engine.state.ElementInstance;
import java.util.Map;

/**
 * A worker could not do a job. With retries left it is offered again (after the back-off, if
 * any); with none left an incident opens. Variables sent with the failure are set locally on the
 * task.
 */
public final class JobFailProcessor implements CommandProcessor {
  private final BpmnBehaviors b;

  public JobFailProcessor(BpmnBehaviors b) {
    this.b = b;
  }

  @Override
  public void process(Command command, ProcessingContext ctx) {
    var job = JobCommands.requireJob(command, ctx, "fail");
    JobRecord request = command.valueAs(JobRecord.class);
    Map<String, String> variables = BpmnVariableBehavior.requireDocument(request.variables());
    long recurAt = request.retryBackoff() > 0 ? ctx.now() + request.retryBackoff() : -1;
    JobRecord failed = job.record().withFailure(request.retries(), request.errorMessage(), request.retryBackoff(), recurAt);
    ctx.respond(ctx.event(command.key(), JobIntent.FAILED, failed));
    ElementInstance instance = ctx.state().elementInstances().get(failed.elementInstanceKey());
    if (instance != null && !variables.isEmpty()) {
      b.variables().setLocal(ctx, instance.key(), instance.value(), variables);
    }
    if (request.retries() <= 0) {
      String message = request.errorMessage() == null || request.errorMessage().isBlank()
          ? "No more retries left." : request.errorMessage();
      b.incidents().raiseForJob(ctx, command.key(), failed, new Failure(Failure.JOB_NO_RETRIES, message));
    } else if (request.retryBackoff() <= 0) {
      b.jobs().activatable(ctx, command.key(), failed);
    }
  }
}
