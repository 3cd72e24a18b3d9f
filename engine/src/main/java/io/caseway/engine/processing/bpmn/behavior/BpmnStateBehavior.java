package io.caseway.engine.processing.bpmn.behavior;

import io.caseway.engine.model.BpmnElementType;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.model.ExecutableProcess;
import io.caseway.engine.model.ExecutableSequenceFlow;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.ProcessInstanceRecord;
import io.caseway.engine.state.ElementInstance;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Element lifecycle transitions and token flow: writes the lifecycle events, activates children,
 * takes sequence flows (joining at parallel gateways), and completes a scope once nothing is left
 * in it.
 */
public final class BpmnStateBehavior {

  public ExecutableProcess process(ProcessingContext ctx, ProcessInstanceRecord pi) {
    return ctx.state().deployments().process(pi.processDefinitionKey()).executable();
  }

  public ExecutableElement element(ProcessingContext ctx, ElementInstance instance) {
    return process(ctx, instance.value()).element(instance.value().elementId());
  }

  public void transition(ProcessingContext ctx, ElementInstance instance, ProcessInstanceIntent intent) {
    ctx.event(instance.key(), intent, instance.value());
  }

  /** Writes ELEMENT_ACTIVATING for a new child of {@code scope} and queues its activation. */
  public long activateChild(ProcessingContext ctx, ElementInstance scope, ExecutableElement child) {
    // a multi-instance activity starts as its body, which activates the inner instances
    return activate(ctx, scope, child, child.multiInstance() != null ? BpmnElementType.MULTI_INSTANCE_BODY : child.type());
  }

  /** Writes ELEMENT_ACTIVATING for one inner instance of a multi-instance body and queues its activation. */
  public long activateInner(ProcessingContext ctx, ElementInstance body, ExecutableElement element) {
    return activate(ctx, body, element, element.type());
  }

  /** Whether this instance is a multi-instance body. */
  public static boolean isBody(ElementInstance instance) {
    return BpmnElementType.MULTI_INSTANCE_BODY.name().equals(instance.value().bpmnElementType());
  }

  /** Whether this instance is one inner instance of a multi-instance activity (its boundary events belong to the body). */
  public static boolean isInner(ExecutableElement element, ElementInstance instance) {
    return element.multiInstance() != null && !isBody(instance);
  }

  private long activate(ProcessingContext ctx, ElementInstance scope, ExecutableElement child, BpmnElementType type) {
    long key = ctx.newKey();
    ProcessInstanceRecord value = scope.value().withElement(child.id(), type.name(),
        child.eventType().name(), scope.key());
    ctx.event(key, ProcessInstanceIntent.ELEMENT_ACTIVATING, value);
    ctx.command(key, ProcessInstanceIntent.ACTIVATE_ELEMENT, value);
    return key;
  }

  /** Takes the given flows out of a completed element; parallel joins fire once every incoming flow has a token. */
  public void takeFlows(ProcessingContext ctx, ElementInstance completed, List<ExecutableSequenceFlow> flows) {
    ElementInstance scope = ctx.state().elementInstances().get(completed.value().flowScopeKey());
    for (ExecutableSequenceFlow flow : flows) {
      ProcessInstanceRecord flowValue = completed.value().withElement(flow.id(), BpmnElementType.SEQUENCE_FLOW.name(),
          "UNSPECIFIED", scope.key());
      ctx.event(ctx.newKey(), ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN, flowValue);
      ExecutableElement target = flow.target();
      if (target.type() == BpmnElementType.PARALLEL_GATEWAY && target.incoming().size() > 1) {
        boolean joined = target.incoming().stream().allMatch(in -> scope.takenJoinFlows().containsKey(in.id()));
        if (!joined) {
          continue;
        }
      }
      if (target.type() == BpmnElementType.INCLUSIVE_GATEWAY && target.incoming().size() > 1) {
        continue; // decided below, once every flow of this step is taken
      }
      activateChild(ctx, scope, target);
    }
    activateReadyInclusiveJoins(ctx, scope);
  }

  /** Takes one flow out of a completed element and activates its target; returns the target's instance key. */
  public long takeFlow(ProcessingContext ctx, ElementInstance completed, ExecutableSequenceFlow flow) {
    ElementInstance scope = ctx.state().elementInstances().get(completed.value().flowScopeKey());
    ctx.event(ctx.newKey(), ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN, completed.value().withElement(flow.id(),
        BpmnElementType.SEQUENCE_FLOW.name(), "UNSPECIFIED", scope.key()));
    return activateChild(ctx, scope, flow.target());
  }

  /**
   * Activates each inclusive join of the scope that holds a token and that no other token of the
   * scope can still reach: no active element upstream of it, and no token waiting at a join
   * upstream of it. Checked whenever tokens move or leave the scope.
   */
  public void activateReadyInclusiveJoins(ProcessingContext ctx, ElementInstance scope) {
    if (scope.state() != ProcessInstanceIntent.ELEMENT_ACTIVATED || scope.takenJoinFlows().isEmpty()) {
      return;
    }
    ExecutableProcess process = process(ctx, scope.value());
    Set<ExecutableElement> waiting = new LinkedHashSet<>();
    for (String flowId : scope.takenJoinFlows().keySet()) {
      ExecutableElement target = process.flows().get(flowId).target();
      if (target.type() == BpmnElementType.INCLUSIVE_GATEWAY) {
        waiting.add(target);
      }
    }
    for (ExecutableElement gateway : waiting) {
      if (!gateway.incoming().stream().anyMatch(in -> scope.takenJoinFlows().containsKey(in.id()))) {
        continue; // activated by an earlier gateway of this loop, which took its tokens
      }
      Set<String> upstream = gateway.upstream();
      boolean reachable = scope.children().stream()
          .map(child -> ctx.state().elementInstances().get(child))
          .anyMatch(child -> child != null && upstream.contains(child.value().elementId()));
      if (!reachable) {
        reachable = scope.takenJoinFlows().keySet().stream()
            .map(flowId -> process.flows().get(flowId))
            .anyMatch(f -> f.target() != gateway && upstream.contains(f.target().id()));
      }
      if (!reachable) {
        activateChild(ctx, scope, gateway);
      }
    }
  }

  /**
   * A child of this scope completed without taking a flow, or terminated: complete the scope when
   * nothing is left in it, or finish its termination when it is terminating.
   */
  public void afterChildLeft(ProcessingContext ctx, long scopeKey) {
    ElementInstance scope = ctx.state().elementInstances().get(scopeKey);
    if (scope == null) {
      return;
    }
    activateReadyInclusiveJoins(ctx, scope);
    if (scope.state() == ProcessInstanceIntent.ELEMENT_ACTIVATED && scope.hasNoActiveTokens()
        && (!BpmnElementType.AD_HOC_SUB_PROCESS.name().equals(scope.value().bpmnElementType())
            || io.caseway.engine.processing.bpmn.container.AdHocSubProcessProcessor.mayCompleteWhenEmpty(
                element(ctx, scope), scope))) {
      ctx.command(scope.key(), ProcessInstanceIntent.COMPLETE_ELEMENT, scope.value());
    } else if (scope.isTerminating() && scope.children().isEmpty()) {
      ctx.command(scope.key(), ProcessInstanceIntent.CONTINUE_TERMINATING, scope.value());
    }
  }
}
