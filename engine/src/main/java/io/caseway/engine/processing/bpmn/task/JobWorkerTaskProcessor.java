package io.caseway.engine.processing.bpmn.task;

import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.BpmnElementProcessor;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.state.ElementInstance;

/**
 * Job-based elements (service, send, script and business rule tasks with a job type, message
 * throw and end events, user tasks without zeebe:userTask): create a job and wait for a worker.
 */
public final class JobWorkerTaskProcessor implements BpmnElementProcessor {
  private final BpmnBehaviors b;
  private final BpmnElementLifecycle lifecycle;

  public JobWorkerTaskProcessor(BpmnBehaviors b, BpmnElementLifecycle lifecycle) {
    this.b = b;
    this.lifecycle = lifecycle;
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance, ProcessingContext ctx) {
    var job = b.jobs().prepareJob(ctx, element, instance);
    if (job.isFailure()) {
      return new Failure(Failure.EXTRACT_VALUE_ERROR, job.failure());
    }
    Failure failure = b.events().subscribe(ctx, element, instance);
    if (failure != null) {
      return failure;
    }
    b.jobs().writeJob(ctx, job.value());
    lifecycle.activated(ctx, instance);
    return null;
  }

  @Override
  public void onTerminate(ExecutableElement element, ElementInstance instance, ProcessingContext ctx) {
    b.jobs().cancelJob(ctx, instance);
  }
}
