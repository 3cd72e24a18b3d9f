package io.caseway.engine.processing.bpmn.behavior;

import io.caseway.engine.expression.Expression;
import io.caseway.engine.model.BpmnElementType;
import io.caseway.engine.model.BpmnEventType;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.protocol.intent.ProcessEventIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.ProcessEventRecord;
import io.caseway.engine.state.ElementInstance;

/**
 * Throws a BPMN error from an element instance: the nearest error event sub-process or error
 * boundary event outwards (through sub-processes and up into calling processes) with the same code,
 * or without a code, catches it; within one scope its event sub-process comes before its boundary.
 * Uncaught, it is a failure that becomes an incident.
 */
public final class BpmnErrorBehavior {
  private final BpmnStateBehavior state;
  private final BpmnEventSubProcessBehavior eventSubProcesses;

  public BpmnErrorBehavior(BpmnStateBehavior state, BpmnEventSubProcessBehavior eventSubProcesses) {
    this.state = state;
    this.eventSubProcesses = eventSubProcesses;
  }

  public Failure throwError(ProcessingContext ctx, ElementInstance thrower, String errorCode, String errorMessage,
      String variables) {
    ElementInstance instance = thrower;
    while (instance != null) {
      ExecutableElement element = state.element(ctx, instance);
      if (instance != thrower) {
        // inside this scope first: an error event sub-process of it
        for (ExecutableElement esp : element.eventSubProcesses()) {
          ExecutableElement start = esp.startEvents().get(0);
          if (start.eventType() == BpmnEventType.ERROR && catches(start.errorCode(), errorCode)
              && eventSubProcesses.trigger(ctx, instance, start, variables)) {
            return null;
          }
        }
      }
      for (ExecutableElement boundary : BpmnStateBehavior.isInner(element, instance) ? java.util.List.<ExecutableElement>of()
          : element.boundaryEvents()) {
        if (boundary.eventType() == BpmnEventType.ERROR && catches(boundary.errorCode(), errorCode)) {
          var pi = instance.value();
          ctx.event(ctx.newKey(), ProcessEventIntent.TRIGGERING, new ProcessEventRecord(instance.key(), boundary.id(),
              variables, pi.processInstanceKey(), pi.processDefinitionKey()));
          ctx.command(instance.key(), ProcessInstanceIntent.TERMINATE_ELEMENT, pi);
          return null;
        }
      }
      long next = element.type() == BpmnElementType.PROCESS
          ? instance.value().parentElementInstanceKey()
          : instance.value().flowScopeKey();
      instance = next > 0 ? ctx.state().elementInstances().get(next) : null;
    }
    return new Failure(Failure.UNHANDLED_ERROR_EVENT, "Expected to throw an error event with the code '" + errorCode
        + "'" + (errorMessage == null || errorMessage.isEmpty() ? "" : " with message '" + errorMessage + "'")
        + ", but it was not caught. No error events are available in the scope.");
  }

  /** Whether a catching event with this code (none: any) catches the thrown code; escalations match the same way. */
  static boolean catches(Expression code, String thrown) {
    return code == null || (code.isStatic() ? code.staticValue() : code.source()).equals(thrown);
  }
}
