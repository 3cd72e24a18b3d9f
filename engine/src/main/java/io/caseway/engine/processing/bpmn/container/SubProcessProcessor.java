package io.caseway.engine.processing.bpmn.container;

import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.BpmnElementProcessor;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.state.ElementInstance;

/** An embedded sub-process: a scope of its own, started at its none start event, done when empty. */
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
    b.state().activateChild(ctx, instance, element.noneStartEvent());
    return null;
  }
}
