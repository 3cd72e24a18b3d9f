package io.caseway.engine.processing.bpmn.task;

import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.BpmnElementProcessor;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.state.ElementInstance;

/**
 * Elements that complete as soon as they are activated: manual and undefined tasks, none start,
 * intermediate throw and boundary events, and none end events.
 */
public final class PassThroughProcessor implements BpmnElementProcessor {
  private final BpmnElementLifecycle lifecycle;

  public PassThroughProcessor(BpmnElementLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance, ProcessingContext ctx) {
    lifecycle.activated(ctx, instance);
    lifecycle.complete(ctx, instance, element, element.outgoing());
    return null;
  }
}
