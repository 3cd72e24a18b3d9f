package io.caseway.engine.processing.bpmn.behavior;

import io.caseway.engine.state.ElementInstance;
import io.caseway.engine.model.BpmnElementType;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.ProcessInstanceRecord;
import io.caseway.engine.state.DeploymentState.DeployedProcess;
import java.util.Map;

/** Starts a process instance at a start event: by command, call activity, timer or message. */
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
    // the timers and messages of the process's event sub-processes
    Failure failure = events.subscribe(ctx, process.executable().root(), instance);
    ctx.event(key, ProcessInstanceIntent.ELEMENT_ACTIVATED, value);
    if (failure != null) {
      incidents.raise(ctx, instance, failure);
    }
    state.activateChild(ctx, instance, startElement);
    return key;
  }
}
