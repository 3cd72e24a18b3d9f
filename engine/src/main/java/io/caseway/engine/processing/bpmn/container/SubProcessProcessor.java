package io.caseway.engine.processing.bpmn.container;

import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.BpmnElementProcessor;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.state.ElementInstance;

/**
 * An embedded sub-process, or an event sub-process: a scope of its own, started at its start event,
 * done when empty. It opens the subscriptions of its own event sub-processes.
 */
public final class SubProcessProcessor implements BpmnElementProcessor {
  private final BpmnBehaviors b;
  private final BpmnElementLifecycle lifecycle;

  public SubProcessProcessor(BpmnBehaviors b, BpmnElementLifecycle lifecycle) {
    this.b = b;
    this.lifecycle = lifecycle;
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance, ProcessingContext ctx) {
    Failure failure = b.events().subscribe(ctx, element, instance);
    if (failure != null) {
      return failure;
    }
    lifecycle.activated(ctx, instance);
    // an event sub-process starts at the start event that was triggered (its only one)
    b.state().activateChild(ctx, instance, element.type() == io.caseway.engine.model.BpmnElementType.EVENT_SUB_PROCESS
        ? element.startEvents().get(0) : element.noneStartEvent());
    return null;
  }
}
