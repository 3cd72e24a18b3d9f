package io.caseway.engine.processing.message;

import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.behavior.BpmnEventSubscriptionBehavior;
import io.caseway.engine.processing.bpmn.behavior.BpmnStateBehavior;
import io.caseway.engine.protocol.intent.MessageSubscriptionIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.MessageRecord;
import io.caseway.engine.protocol.value.MessageSubscriptionRecord;
import io.caseway.engine.state.ElementInstance;

/**
 * Correlates a message to a subscription: records the correlation and triggers the waiting
 * element (its catch event completes, or its boundary event fires).
 */
public final class MessageCorrelationBehavior {
  private final BpmnEventSubscriptionBehavior events;
  private final BpmnStateBehavior state;
  private final BpmnElementLifecycle lifecycle;

  public MessageCorrelationBehavior(BpmnEventSubscriptionBehavior events, BpmnStateBehavior state,
      BpmnElementLifecycle lifecycle) {
    this.events = events;
    this.state = state;
    this.lifecycle = lifecycle;
  }

  /** Returns true if the message was correlated. */
  public boolean correlate(ProcessingContext ctx, long subscriptionKey, MessageSubscriptionRecord sub, long messageKey,
      MessageRecord message) {
    ElementInstance waiting = ctx.state().elementInstances().get(sub.elementInstanceKey());
    if (waiting == null || waiting.state() != ProcessInstanceIntent.ELEMENT_ACTIVATED
        || ctx.state().elementInstances().pendingEvent(waiting.key()) != null) {
      return false;
    }
    ctx.event(subscriptionKey, MessageSubscriptionIntent.CORRELATED, sub.correlatedWith(messageKey, message.variables()));
    ExecutableElement event = state.process(ctx, waiting.value()).element(sub.elementId());
    lifecycle.triggerEvent(ctx, waiting, event, message.variables());
    return true;
  }

  /** After an element opened its subscriptions: take matching buffered messages. */
  public void correlateBuffered(ProcessingContext ctx, ElementInstance instance) {
    for (BpmnEventSubscriptionBehavior.Match m : events.bufferedMatches(ctx, instance)) {
      if (!correlate(ctx, m.subscriptionKey(), m.subscription(), m.messageKey(), m.message())) {
        return;
      }
      ElementInstance after = ctx.state().elementInstances().get(instance.key());
      if (after == null || ctx.state().elementInstances().pendingEvent(instance.key()) != null
          || m.subscription().elementId().equals(instance.value().elementId())) {
        return; // the element is completing or being interrupted: no further message for it
      }
    }
  }
}
