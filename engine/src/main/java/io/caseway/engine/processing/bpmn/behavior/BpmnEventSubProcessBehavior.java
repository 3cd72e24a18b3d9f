package io.caseway.engine.processing.bpmn.behavior;

import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.protocol.intent.ProcessEventIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.ProcessEventRecord;
import io.caseway.engine.state.ElementInstance;
import java.util.List;
import java.util.Map;

/**
 * Starts event sub-processes. A non-interrupting one starts beside what runs in its scope. An
 * interrupting one closes the scope's other subscriptions, terminates everything active in the
 * scope, and starts once the last of it is gone (the trigger waits as the scope's pending event).
 */
public final class BpmnEventSubProcessBehavior {
  private final BpmnStateBehavior state;
  private final BpmnEventSubscriptionBehavior events;
  private final BpmnVariableBehavior variables;

  public BpmnEventSubProcessBehavior(BpmnStateBehavior state, BpmnEventSubscriptionBehavior events,
      BpmnVariableBehavior variables) {
    this.state = state;
    this.events = events;
    this.variables = variables;
  }

  /** Whether this event is the start event of an event sub-process. */
  public static boolean startsEventSubProcess(ExecutableElement event) {
    return event.flowScope() != null
        && event.flowScope().type() == io.caseway.engine.model.BpmnElementType.EVENT_SUB_PROCESS;
  }

  /**
   * Triggers the event sub-process that {@code start} starts, in {@code scope} (the instance of the
   * container it belongs to). Returns false if the scope was already interrupted.
   */
  public boolean trigger(ProcessingContext ctx, ElementInstance scope, ExecutableElement start, String variablesJson) {
    if (scope.state() != ProcessInstanceIntent.ELEMENT_ACTIVATED
        || ctx.state().elementInstances().pendingEvent(scope.key()) != null) {
      return false;
    }
    if (!start.interrupting()) {
      activate(ctx, scope, start, variablesJson);
      return true;
    }
    events.unsubscribe(ctx, scope);
    List<Long> active = List.copyOf(scope.children());
    if (active.isEmpty()) {
      activate(ctx, scope, start, variablesJson);
      return true;
    }
    var pi = scope.value();
    ctx.event(ctx.newKey(), ProcessEventIntent.TRIGGERING, new ProcessEventRecord(scope.key(), start.id(), variablesJson,
        pi.processInstanceKey(), pi.processDefinitionKey()));
    for (long child : active) {
      ElementInstance c = ctx.state().elementInstances().get(child);
      ctx.command(child, ProcessInstanceIntent.TERMINATE_ELEMENT, c.value());
    }
    return true;
  }

  /**
   * After a child of {@code scope} left: starts the interrupting event sub-process that waits for
   * the scope to be empty. Returns true if it did.
   */
  public boolean resume(ProcessingContext ctx, ElementInstance scope) {
    ProcessEventRecord pending = ctx.state().elementInstances().pendingEvent(scope.key());
    if (pending == null || scope.state() != ProcessInstanceIntent.ELEMENT_ACTIVATED || !scope.children().isEmpty()) {
      return false;
    }
    ctx.event(ctx.newKey(), ProcessEventIntent.TRIGGERED, pending);
    ExecutableElement start = state.process(ctx, scope.value()).element(pending.targetElementId());
    activate(ctx, scope, start, pending.variables());
    return true;
  }

  private void activate(ProcessingContext ctx, ElementInstance scope, ExecutableElement start, String variablesJson) {
    long key = state.activateChild(ctx, scope, start.flowScope());
    Map<String, String> vars = BpmnVariableBehavior.parseDocument(variablesJson);
    if (!vars.isEmpty()) {
      ElementInstance esp = ctx.state().elementInstances().get(key);
      variables.propagate(ctx, key, esp.value(), vars);
    }
  }
}
