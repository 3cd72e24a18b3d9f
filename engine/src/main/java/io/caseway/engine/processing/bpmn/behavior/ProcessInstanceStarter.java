package io.caseway.engine.processing.bpmn.behavior;

import io.caseway.engine.model.BpmnElementType;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.protocol.intent.ProcessEventIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.ProcessEventRecord;
import io.caseway.engine.protocol.value.ProcessInstanceRecord;
import io.caseway.engine.state.DeploymentState.DeployedProcess;
import io.caseway.engine.state.ElementInstance;
import java.util.Map;

/**
 * Starts a process instance at a start event: by command, call activity, timer or message.
 *
 * <p>Without start execution listeners on the process, the process and its start element are
 * activated in one go. With them, the start element is remembered as a pending event of the process
 * instance (PROCESS_EVENT TRIGGERING), the lifecycle runs the listeners' jobs, and {@link
 * #enterAfterStartListeners} activates the remembered element once they are done.
 */
public final class ProcessInstanceStarter {
  private final BpmnVariableBehavior variables;
  private final BpmnStateBehavior state;
  private final BpmnEventSubscriptionBehavior events;
  private final BpmnIncidentBehavior incidents;

  public ProcessInstanceStarter(BpmnVariableBehavior variables, BpmnStateBehavior state,
      BpmnEventSubscriptionBehavior events, BpmnIncidentBehavior incidents) {
    this.variables = variables;
    this.state = state;
    this.events = events;
    this.incidents = incidents;
  }

  /** Returns the new process instance key. */
  public long start(ProcessingContext ctx, DeployedProcess process, ExecutableElement startElement,
      Map<String, String> vars, long parentProcessInstanceKey, long parentElementInstanceKey) {
    long key = ctx.newKey();
    var p = process.record();
    ProcessInstanceRecord value = new ProcessInstanceRecord(p.bpmnProcessId(), p.version(), p.processDefinitionKey(),
        key, p.bpmnProcessId(), -1, BpmnElementType.PROCESS.name(), "UNSPECIFIED", parentProcessInstanceKey,
        parentElementInstanceKey, p.tenantId());
    ctx.event(key, ProcessInstanceIntent.ELEMENT_ACTIVATING, value);
    variables.setLocal(ctx, key, value, vars);
    ElementInstance instance = ctx.state().elementInstances().get(key);
    ExecutableElement root = process.executable().root();
    if (!root.startListeners().isEmpty()) {
      ctx.event(ctx.newKey(), ProcessEventIntent.TRIGGERING,
          new ProcessEventRecord(key, startElement.id(), "{}", key, p.processDefinitionKey()));
      ctx.command(key, ProcessInstanceIntent.ACTIVATE_ELEMENT, value);
      return key;
    }
    enter(ctx, instance, root, startElement);
    return key;
  }

  /** The process's start listeners are done: it activates and enters the start element remembered at its start. */
  public void enterAfterStartListeners(ProcessingContext ctx, ElementInstance instance, ExecutableElement root) {
    ProcessEventRecord pending = ctx.state().elementInstances().pendingEvent(instance.key());
    ctx.event(ctx.newKey(), ProcessEventIntent.TRIGGERED, pending);
    enter(ctx, instance, root, state.process(ctx, instance.value()).element(pending.targetElementId()));
  }

  private void enter(ProcessingContext ctx, ElementInstance instance, ExecutableElement root,
      ExecutableElement startElement) {
    // the timers and messages of the process's event sub-processes
    Failure failure = events.subscribe(ctx, root, instance);
    ctx.event(instance.key(), ProcessInstanceIntent.ELEMENT_ACTIVATED, instance.value());
    if (failure != null) {
      incidents.raise(ctx, instance, failure);
    }
    state.activateChild(ctx, instance, startElement);
  }
}
