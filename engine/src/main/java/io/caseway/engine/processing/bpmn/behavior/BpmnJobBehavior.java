package io.caseway.engine.processing.bpmn.behavior;

import io.caseway.engine.expression.ExpressionLanguage;
import io.caseway.engine.expression.TypedResult;
import io.caseway.engine.expression.VariableLookup;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.job.JobStreams;
import io.caseway.engine.protocol.intent.JobBatchIntent;
import io.caseway.engine.protocol.intent.JobIntent;
import io.caseway.engine.protocol.value.JobBatchRecord;
import io.caseway.engine.protocol.value.JobRecord;
import io.caseway.engine.state.ElementInstance;
import io.caseway.engine.state.VariableState;
import java.util.Collection;
import java.util.List;

/**
 * Creates jobs for job-based elements, cancels them, and hands activatable jobs to an open job
 * stream (or tells long-polling workers that jobs are waiting).
 */
public final class BpmnJobBehavior {
  private final ExpressionLanguage el;
  private final BpmnVariableBehavior variables;
  private final JobStreams streams;

  public BpmnJobBehavior(ExpressionLanguage el, BpmnVariableBehavior variables, JobStreams streams) {
    this.el = el;
    this.variables = variables;
    this.streams = streams;
  }

  /** Evaluates the job's type and retries without writing anything. */
  public TypedResult<JobRecord> prepareJob(ProcessingContext ctx, ExecutableElement element, ElementInstance instance) {
    VariableLookup lookup = variables.lookup(ctx, instance.key());
    TypedResult<String> type = el.evaluateString(element.jobType(), lookup);
    if (type.isFailure()) {
      return TypedResult.fail("Failed to evaluate the job type of '" + element.id() + "': " + type.failure());
    }
    TypedResult<Long> retries = el.evaluateLong(element.jobRetries(), lookup);
    if (retries.isFailure()) {
      return TypedResult.fail("Failed to evaluate the job retries of '" + element.id() + "': " + retries.failure());
    }
    var pi = instance.value();
    return TypedResult.ok(new JobRecord(type.value(), null, retries.value().intValue(), -1, -1, 0, -1, null, null,
        element.taskHeaders(), null, pi.processInstanceKey(), pi.bpmnProcessId(), pi.version(),
        pi.processDefinitionKey(), element.id(), instance.key(), pi.tenantId(), null, 0, null));
  }

  /** Evaluates an execution listener's job type and retries without writing anything. */
  public TypedResult<JobRecord> prepareListenerJob(ProcessingContext ctx, ExecutableElement element,
      ElementInstance instance, io.caseway.engine.model.ExecutionListener listener, int index) {
    VariableLookup lookup = variables.lookup(ctx, instance.key());
    TypedResult<String> type = el.evaluateString(listener.type(), lookup);
    if (type.isFailure()) {
      return TypedResult.fail("Failed to evaluate the job type of the " + listener.eventType().toLowerCase()
          + " execution listener of '" + element.id() + "': " + type.failure());
    }
    TypedResult<Long> retries = el.evaluateLong(listener.retries(), lookup);
    if (retries.isFailure()) {
      return TypedResult.fail("Failed to evaluate the job retries of the " + listener.eventType().toLowerCase()
          + " execution listener of '" + element.id() + "': " + retries.failure());
    }
    var pi = instance.value();
    return TypedResult.ok(new JobRecord(type.value(), null, retries.value().intValue(), -1, -1, 0, -1, null, null,
        java.util.Map.of(), null, pi.processInstanceKey(), pi.bpmnProcessId(), pi.version(), pi.processDefinitionKey(),
        element.id(), instance.key(), pi.tenantId(), listener.eventType(), index, null));
  }

  public void writeJob(ProcessingContext ctx, JobRecord job) {
    long key = ctx.newKey();
    ctx.event(key, JobIntent.CREATED, job);
    activatable(ctx, key, job);
  }

  public void cancelJob(ProcessingContext ctx, ElementInstance instance) {
    if (instance.jobKey() > 0) {
      var job = ctx.state().jobs().get(instance.jobKey());
      if (job != null) {
        ctx.event(instance.jobKey(), JobIntent.CANCELED, job.record());
      }
    }
  }

  /**
   * A job just became activatable: push it to an open stream of its type if there is one,
   * otherwise wake the workers that are long-polling for that type.
   */
  public void activatable(ProcessingContext ctx, long key, JobRecord job) {
    JobStreams.JobStream stream = streams.next(job.type());
    if (stream == null) {
      String type = job.type();
      ctx.afterCommit(() -> streams.notifyAvailable(type));
      return;
    }
    JobRecord activated = job.withActivation(stream.worker(), ctx.now() + stream.timeout(), stream.timeout());
    String vars = jobVariables(ctx, activated, stream.fetchVariables());
    ctx.event(ctx.newKey(), JobBatchIntent.ACTIVATED, new JobBatchRecord(job.type(), stream.worker(), stream.timeout(),
        1, stream.fetchVariables(), List.of(key), List.of(activated), List.of(vars)));
    ctx.afterCommit(() -> {
      if (!stream.push(key, activated, vars)) {
        streams.remove(job.type(), stream);
        yieldBack.accept(key);
      }
    });
  }

  private java.util.function.LongConsumer yieldBack = key -> {};

  /** How a job that could not be pushed goes back to the queue (a YIELD command). */
  public void onPushFailed(java.util.function.LongConsumer yieldBack) {
    this.yieldBack = yieldBack;
  }

  /** The variables a worker sees for a job: all visible from its element instance, or only those asked for. */
  public String jobVariables(ProcessingContext ctx, JobRecord job, Collection<String> fetch) {
    VariableState vars = ctx.state().variables();
    if (fetch != null && !fetch.isEmpty()) {
      java.util.Map<String, String> selected = new java.util.LinkedHashMap<>();
      for (String name : fetch) {
        VariableState.Variable v = vars.find(job.elementInstanceKey(), name);
        if (v != null) selected.put(name, v.value());
      }
      return BpmnVariableBehavior.document(selected, null);
    }
    return BpmnVariableBehavior.document(vars.visible(job.elementInstanceKey()), null);
  }
}
