package io.caseway.engine.processing.bpmn.gateway;

import io.caseway.engine.expression.TypedResult;
import io.caseway.engine.expression.VariableLookup;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.model.ExecutableSequenceFlow;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.BpmnElementProcessor;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.state.ElementInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * Forks along every outgoing flow whose condition is true (flows without a condition are always
 * taken), else along the default flow; with neither, an incident. As a join (several incoming
 * flows) it is activated by the state behaviour only once no other token can still reach it.
 */
public final class InclusiveGatewayProcessor implements BpmnElementProcessor {
  private final BpmnBehaviors b;
  private final BpmnElementLifecycle lifecycle;

  public InclusiveGatewayProcessor(BpmnBehaviors b, BpmnElementLifecycle lifecycle) {
    this.b = b;
    this.lifecycle = lifecycle;
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance, ProcessingContext ctx) {
    List<ExecutableSequenceFlow> chosen = new ArrayList<>();
    VariableLookup vars = null;
    for (ExecutableSequenceFlow flow : element.outgoing()) {
      if (flow == element.defaultFlow()) {
        continue;
      }
      if (flow.condition() == null) {
        chosen.add(flow);
        continue;
      }
      if (vars == null) {
        vars = b.variables().lookup(ctx, instance.key());
      }
      TypedResult<Boolean> r = b.expressions().evaluateBoolean(flow.condition(), vars);
      if (r.isFailure()) {
        return new Failure(Failure.CONDITION_ERROR, "Failed to evaluate the condition of sequence flow '"
            + flow.id() + "' at gateway '" + element.id() + "': " + r.failure());
      }
      if (Boolean.TRUE.equals(r.value())) {
        chosen.add(flow);
      }
    }
    if (chosen.isEmpty() && element.defaultFlow() != null) {
      chosen.add(element.defaultFlow());
    }
    if (chosen.isEmpty() && !element.outgoing().isEmpty()) {
      return new Failure(Failure.CONDITION_ERROR, "Expected at least one condition to evaluate to true, or to have"
          + " a default flow, but no condition of gateway '" + element.id() + "' was true and it has no default flow");
    }
    lifecycle.activated(ctx, instance);
    lifecycle.complete(ctx, instance, element, chosen);
    return null;
  }
}
