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
import java.util.List;

/**
 * Takes the first outgoing flow whose condition is true, in model order, else the default flow;
 * with neither, an incident. A gateway with one unconditional flow just passes the token on.
 */
public final class ExclusiveGatewayProcessor implements BpmnElementProcessor {
  private final BpmnBehaviors b;
  private final BpmnElementLifecycle lifecycle;

  public ExclusiveGatewayProcessor(BpmnBehaviors b, BpmnElementLifecycle lifecycle) {
    this.b = b;
    this.lifecycle = lifecycle;
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance, ProcessingContext ctx) {
    ExecutableSequenceFlow chosen = null;
    if (element.outgoing().size() == 1 && element.outgoing().get(0).condition() == null) {
      chosen = element.outgoing().get(0);
    } else {
      VariableLookup vars = b.variables().lookup(ctx, instance.key());
      for (ExecutableSequenceFlow flow : element.outgoing()) {
        if (flow == element.defaultFlow() || flow.condition() == null) {
          continue;
        }
        TypedResult<Boolean> r = b.expressions().evaluateBoolean(flow.condition(), vars);
        if (r.isFailure()) {
          return new Failure(Failure.CONDITION_ERROR, "Failed to evaluate the condition of sequence flow '"
              + flow.id() + "' at gateway '" + element.id() + "': " + r.failure());
        }
        if (Boolean.TRUE.equals(r.value())) {
          chosen = flow;
          break;
        }
      }
      if (chosen == null) {
        chosen = element.defaultFlow();
      }
      if (chosen == null && !element.outgoing().isEmpty()) {
        return new Failure(Failure.CONDITION_ERROR, "Expected at least one condition to evaluate to true, or to have"
            + " a default flow, but no condition of gateway '" + element.id() + "' was true and it has no default flow");
      }
    }
    lifecycle.activated(ctx, instance);
    lifecycle.complete(ctx, instance, element, chosen == null ? List.of() : List.of(chosen));
    return null;
  }
}
