package io.caseway.engine.processing.incident;

import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.processing.bpmn.behavior.BpmnJobBehavior;
import io.caseway.engine.protocol.intent.IncidentIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.IncidentRecord;
import io.caseway.engine.state.ElementInstance;

/**
 * ResolveIncident: a job incident makes the job activatable again (it needs retries left); an
 * element incident retries the step that failed (activation or completion) with today's variables.
 */
public final class IncidentResolveProcessor implements CommandProcessor {
  private final BpmnJobBehavior jobs;

  public IncidentResolveProcessor(BpmnJobBehavior jobs) {
    this.jobs = jobs;
  }

  @Override
  public void process(Command command, ProcessingContext ctx) {
    IncidentRecord incident = ctx.state().incidents().get(command.key());
    if (incident == null) {
      throw Rejection.notFound("Expected to resolve incident with key '" + command.key()
          + "', but no such incident was found");
    }
    if (incident.jobKey() > 0) {
      var job = ctx.state().jobs().get(incident.jobKey());
      if (job != null && job.record().retries() <= 0) {
        throw Rejection.invalidState("Expected to resolve incident with key '" + command.key() + "', but job '"
            + incident.jobKey() + "' has no retries left; update the job's retries first");
      }
      ctx.respond(ctx.event(command.key(), IncidentIntent.RESOLVED, incident));
      if (job != null) {
        jobs.activatable(ctx, incident.jobKey(), job.record());
      }
      return;
    }
    ctx.respond(ctx.event(command.key(), IncidentIntent.RESOLVED, incident));
    ElementInstance instance = ctx.state().elementInstances().get(incident.elementInstanceKey());
    if (instance != null && incident.failedIntent() != null) {
      ctx.command(instance.key(), ProcessInstanceIntent.valueOf(incident.failedIntent()), instance.value());
    }
  }
}
