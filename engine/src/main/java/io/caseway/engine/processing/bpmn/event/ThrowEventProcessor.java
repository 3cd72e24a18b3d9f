package io.caseway.engine.processing.bpmn.event;

import io.caseway.engine.expression.TypedResult;
import io.caseway.engine.model.BpmnEventType;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.BpmnElementProcessor;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.BpmnEscalationBehavior;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.processing.signal.SignalBroadcastBehavior;
import io.caseway.engine.protocol.value.SignalRecord;
import io.caseway.engine.state.ElementInstance;
import java.util.List;

/**
 * Intermediate throw events: none and link events pass on (a link hands the token to its catch
 * event, see the lifecycle); a signal event broadcasts its signal and goes on; an escalation event throws its escalation first and goes on unless an
 * interrupting boundary event caught it (then its scope is being terminated).
 */
public final class ThrowEventProcessor implements BpmnElementProcessor {
  private final BpmnBehaviors b;
  private final BpmnElementLifecycle lifecycle;
  private final SignalBroadcastBehavior signals;

  public ThrowEventProcessor(BpmnBehaviors b, BpmnElementLifecycle lifecycle, SignalBroadcastBehavior signals) {
    this.b = b;
    this.lifecycle = lifecycle;
    this.signals = signals;
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance, ProcessingContext ctx) {
    return throwAndGoOn(b, lifecycle, signals, element, instance, ctx, element.outgoing());
  }

  /**
   * Starts the compensation handler of every completed, not yet compensated activity of the throw
   * event's scope (or of the one activity it names), newest first; returns how many it started.
   */
  private static int compensate(BpmnBehaviors b, ProcessingContext ctx, ExecutableElement element,
      ElementInstance thrower) {
    var pi = thrower.value();
    ElementInstance scope = ctx.state().elementInstances().get(pi.flowScopeKey());
    // from inside an event sub-process, compensation is for the scope around it
    while (io.caseway.engine.model.BpmnElementType.EVENT_SUB_PROCESS.name().equals(scope.value().bpmnElementType())) {
      scope = ctx.state().elementInstances().get(scope.value().flowScopeKey());
    }
    var process = b.state().process(ctx, pi);
    var compensable = new java.util.ArrayList<>(ctx.state().compensations().compensable(scope.key()));
    java.util.Collections.reverse(compensable);
    int started = 0;
    for (var c : compensable) {
      if (element.compensateActivity() != null && !element.compensateActivity().id().equals(c.elementId())) {
        continue;
      }
      ExecutableElement activity = process.element(c.elementId());
      long handler = b.state().activateChild(ctx, scope, activity.compensationHandler());
      ctx.event(ctx.newKey(), io.caseway.engine.protocol.intent.CompensationSubscriptionIntent.TRIGGERED,
          new io.caseway.engine.protocol.value.CompensationSubscriptionRecord(c.scopeKey(), c.elementId(),
              c.elementInstanceKey(), thrower.key(), handler, pi.processInstanceKey(), pi.tenantId()));
      started++;
    }
    return started;
  }

  /**
   * Throws the element's escalation or signal, if it has one, then completes along {@code flows}
   * unless an interrupting catch of the escalation ends it.
   */
  static Failure throwAndGoOn(BpmnBehaviors b, BpmnElementLifecycle lifecycle, SignalBroadcastBehavior signals,
      ExecutableElement element, ElementInstance instance, ProcessingContext ctx,
      List<io.caseway.engine.model.ExecutableSequenceFlow> flows) {
    if (element.eventType() == BpmnEventType.COMPENSATION) {
      lifecycle.activated(ctx, instance);
      if (compensate(b, ctx, element, instance) == 0) {
        lifecycle.complete(ctx, instance, element, flows);
      }
      return null; // else it completes when the last of its handlers has
    }
    if (element.eventType() == BpmnEventType.SIGNAL) {
      TypedResult<String> name = b.expressions().evaluateString(element.signalName(),
          b.variables().lookup(ctx, instance.key()));
      if (name.isFailure()) {
        return new Failure(Failure.EXTRACT_VALUE_ERROR, "Failed to evaluate the signal name of '" + element.id()
            + "': " + name.failure());
      }
      lifecycle.activated(ctx, instance);
      signals.broadcast(ctx, new SignalRecord(name.value(), null, instance.value().tenantId()));
      if (instance.state() == io.caseway.engine.protocol.intent.ProcessInstanceIntent.ELEMENT_ACTIVATED) {
        lifecycle.complete(ctx, instance, element, flows);
      }
      return null;
    }
    if (element.eventType() == BpmnEventType.ESCALATION) {
      TypedResult<String> code = b.expressions().evaluateString(element.escalationCode(),
          b.variables().lookup(ctx, instance.key()));
      if (code.isFailure()) {
        return new Failure(Failure.EXTRACT_VALUE_ERROR, "Failed to evaluate the escalation code of '" + element.id()
            + "': " + code.failure());
      }
      lifecycle.activated(ctx, instance);
      if (b.escalations().throwEscalation(ctx, instance, code.value()) == BpmnEscalationBehavior.Outcome.INTERRUPTED) {
        return null; // the catching activity terminates, and this instance with it
      }
      lifecycle.complete(ctx, instance, element, flows);
      return null;
    }
    lifecycle.activated(ctx, instance);
    lifecycle.complete(ctx, instance, element, flows);
    return null;
  }
}
