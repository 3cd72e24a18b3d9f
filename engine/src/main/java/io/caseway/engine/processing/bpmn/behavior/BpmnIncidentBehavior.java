package io.caseway.engine.processing.bpmn.behavior;

import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.protocol.intent.IncidentIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.IncidentRecord;
import io.caseway.engine.protocol.value.JobRecord;
import io.caseway.engine.state.ElementInstance;

/** Raises incidents on element instances and jobs, and resolves those of a terminated element. */
public final class BpmnIncidentBehavior {

  /** The element stays where it is (activating or completing) until the incident is resolved. */
  public void raise(ProcessingContext ctx, ElementInstance instance, Failure failure) {
    ProcessInstanceIntent retry = instance.state() == ProcessInstanceIntent.ELEMENT_COMPLETING
        ? ProcessInstanceIntent.COMPLETE_ELEMENT : ProcessInstanceIntent.ACTIVATE_ELEMENT;
    var pi = instance.value();
    ctx.event(ctx.newKey(), IncidentIntent.CREATED, new IncidentRecord(failure.errorType(), failure.message(),
        pi.bpmnProcessId(), pi.processDefinitionKey(), pi.processInstanceKey(), pi.elementId(), instance.key(), -1,
        instance.key(), retry.name(), pi.tenantId()));
  }

  public void raiseForJob(ProcessingContext ctx, long jobKey, JobRecord job, Failure failure) {
    ctx.event(ctx.newKey(), IncidentIntent.CREATED, new IncidentRecord(failure.errorType(), failure.message(),
        job.bpmnProcessId(), job.processDefinitionKey(), job.processInstanceKey(), job.elementId(),
        job.elementInstanceKey(), jobKey, job.elementInstanceKey(), null, job.tenantId()));
  }

  /** Incidents of an element that is going away are resolved with it. */
  public void resolveFor(ProcessingContext ctx, ElementInstance instance) {
    Long key = ctx.state().incidents().ofElementInstance(instance.key());
    if (key != null) {
      ctx.event(key, IncidentIntent.RESOLVED, ctx.state().incidents().get(key));
    }
    if (instance.jobKey() > 0) {
      Long jobIncident = ctx.state().incidents().ofJob(instance.jobKey());
      if (jobIncident != null) {
        ctx.event(jobIncident, IncidentIntent.RESOLVED, ctx.state().incidents().get(jobIncident));
      }
    }
  }
}
