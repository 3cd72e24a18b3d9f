package io.caseway.engine.processing.bpmn.event;

import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.BpmnElementProcessor;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.state.ElementInstance;

/**
 * Elements that wait for their own event: intermediate timer and message catch events, receive
 * tasks; a link catch event goes straight on. A buffered message that matches is correlated as soon as the element is activated.
 */
public final class CatchEventProcessor implements BpmnElementProcessor {
  private final BpmnBehaviors b;
  private final BpmnElementLifecycle lifecycle;

  public CatchEventProcessor(BpmnBehaviors b, BpmnElementLifecycle lifecycle) {
    this.b = b;
    this.lifecycle = lifecycle;
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance, ProcessingContext ctx) {
    if (element.eventType() == io.caseway.engine.model.BpmnEventType.LINK) {
      lifecycle.activated(ctx, instance); // the token arrived from the link throw event: go on
      lifecycle.complete(ctx, instance, element, element.outgoing());
      return null;
    }
    if (lifecycle.completeTriggered(ctx, instance, element)) {
      return null; // the event already happened: it was the first one after an event-based gateway
    }
    Failure failure = b.events().subscribe(ctx, element, instance);
    if (failure != null) {
      return failure;
    }
    lifecycle.activated(ctx, instance);
    return null;
  }
}
