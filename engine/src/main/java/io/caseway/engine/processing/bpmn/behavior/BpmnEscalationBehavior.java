package io.caseway.engine.processing.bpmn.behavior;

import io.caseway.engine.model.BpmnElementType;
import io.caseway.engine.model.BpmnEventType;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.protocol.intent.EscalationIntent;
import io.caseway.engine.protocol.intent.ProcessEventIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.EscalationRecord;
import io.caseway.engine.protocol.value.ProcessEventRecord;
import io.caseway.engine.state.ElementInstance;

/**
 * Throws a BPMN escalation from an element instance: the nearest escalation event sub-process or
 * boundary event outwards (in and on the sub-processes and call activities around it, up into
 * calling processes) with the same code, or without a code, catches it. An interrupting catch terminates that activity;
 * a non-interrupting one starts its boundary path beside it. Unlike an error, an escalation that
 * nobody catches is no failure: the thrower just goes on.
 */
public final class BpmnEscalationBehavior {
  /** What became of an escalation. */
  public enum Outcome {
    /** Caught by an interrupting boundary event: the thrower is about to be terminated with its scope. */
    INTERRUPTED,
    /** Caught by a non-interrupting boundary event, or by nobody: the thrower goes on. */
    CONTINUE
  }

  private final BpmnStateBehavior state;
  private final BpmnEventSubProcessBehavior eventSubProcesses;

  public BpmnEscalationBehavior(BpmnStateBehavior state, BpmnEventSubProcessBehavior eventSubProcesses) {
    this.state = state;
    this.eventSubProcesses = eventSubProcesses;
  }

  public Outcome throwEscalation(ProcessingContext ctx, ElementInstance thrower, String code) {
    long first = thrower.value().flowScopeKey();
    ElementInstance instance = first > 0 ? ctx.state().elementInstances().get(first) : null;
    while (instance != null) {
      ExecutableElement element = state.element(ctx, instance);
      for (ExecutableElement esp : element.eventSubProcesses()) {
        ExecutableElement start = esp.startEvents().get(0);
        if (start.eventType() == BpmnEventType.ESCALATION && BpmnErrorBehavior.catches(start.escalationCode(), code)
            && eventSubProcesses.trigger(ctx, instance, start, null)) {
          record(ctx, thrower, code, start.id());
          return start.interrupting() ? Outcome.INTERRUPTED : Outcome.CONTINUE;
        }
      }
      for (ExecutableElement boundary : BpmnStateBehavior.isInner(element, instance) ? java.util.List.<ExecutableElement>of()
          : element.boundaryEvents()) {
        if (boundary.eventType() != BpmnEventType.ESCALATION || !BpmnErrorBehavior.catches(boundary.escalationCode(), code)) {
          continue;
        }
        var pi = instance.value();
        record(ctx, thrower, code, boundary.id());
        if (boundary.interrupting()) {
          if (ctx.state().elementInstances().pendingEvent(instance.key()) == null) {
            ctx.event(ctx.newKey(), ProcessEventIntent.TRIGGERING, new ProcessEventRecord(instance.key(),
                boundary.id(), null, pi.processInstanceKey(), pi.processDefinitionKey()));
            ctx.command(instance.key(), ProcessInstanceIntent.TERMINATE_ELEMENT, pi);
          }
          return Outcome.INTERRUPTED;
        }
        ElementInstance scope = ctx.state().elementInstances().get(pi.flowScopeKey());
        state.activateChild(ctx, scope, boundary);
        return Outcome.CONTINUE;
      }
      long next = element.type() == BpmnElementType.PROCESS
          ? instance.value().parentElementInstanceKey()
          : instance.value().flowScopeKey();
      instance = next > 0 ? ctx.state().elementInstances().get(next) : null;
    }
    record(ctx, thrower, code, "");
    return Outcome.CONTINUE;
  }

  private static void record(ProcessingContext ctx, ElementInstance thrower, String code, String catchElementId) {
    var pi = thrower.value();
    ctx.event(ctx.newKey(), catchElementId.isEmpty() ? EscalationIntent.NOT_ESCALATED : EscalationIntent.ESCALATED,
        new EscalationRecord(pi.processInstanceKey(), code, pi.elementId(), catchElementId));
  }
}
