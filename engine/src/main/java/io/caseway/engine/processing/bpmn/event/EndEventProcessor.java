package io.caseway.engine.processing.bpmn.event;

import io.caseway.engine.expression.TypedResult;
import io.caseway.engine.model.BpmnEventType;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.BpmnElementProcessor;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.state.ElementInstance;
import java.util.List;

/**
 * End events: none and terminate end events complete (terminate also ends everything else in its
 * scope, see the lifecycle); an error end event throws its error to the nearest catching boundary;
 * an escalation end event throws its escalation, then ends unless an interrupting boundary caught it.
 */
public final class EndEventProcessor implements BpmnElementProcessor {
  private final BpmnBehaviors b;
  private final BpmnElementLifecycle lifecycle;
  private final io.caseway.engine.processing.signal.SignalBroadcastBehavior signals;

  public EndEventProcessor(BpmnBehaviors b, BpmnElementLifecycle lifecycle,
      io.caseway.engine.processing.signal.SignalBroadcastBehavior signals) {
    this.b = b;
    this.lifecycle = lifecycle;
    this.signals = signals;
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance, ProcessingContext ctx) {
    if (element.eventType() == BpmnEventType.ESCALATION || element.eventType() == BpmnEventType.SIGNAL
        || element.eventType() == BpmnEventType.COMPENSATION) {
      return ThrowEventProcessor.throwAndGoOn(b, lifecycle, signals, element, instance, ctx, List.of());
    }
    if (element.eventType() != BpmnEventType.ERROR) {
      lifecycle.activated(ctx, instance);
      lifecycle.complete(ctx, instance, element, List.of());
      return null;
    }
    TypedResult<String> code = element.errorCode() == null ? TypedResult.ok("")
        : b.expressions().evaluateString(element.errorCode(), b.variables().lookup(ctx, instance.key()));
    if (code.isFailure()) {
      return new Failure(Failure.EXTRACT_VALUE_ERROR, "Failed to evaluate the error code of '" + element.id() + "': "
          + code.failure());
    }
    Failure uncaught = b.errors().throwError(ctx, instance, code.value(), null, null);
    if (uncaught == null) {
      lifecycle.activated(ctx, instance); // the catching scope terminates this instance next
    }
    return uncaught;
  }
}
