package io.caseway.engine.processing.bpmn.task;

import io.caseway.engine.expression.TypedResult;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.BpmnElementProcessor;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.state.ElementInstance;
import java.util.Map;

/** A script task with a FEEL expression (zeebe:script): evaluates it into the result variable and completes. */
public final class ScriptTaskProcessor implements BpmnElementProcessor {
  private final BpmnBehaviors b;
  private final BpmnElementLifecycle lifecycle;

  public ScriptTaskProcessor(BpmnBehaviors b, BpmnElementLifecycle lifecycle) {
    this.b = b;
    this.lifecycle = lifecycle;
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance, ProcessingContext ctx) {
    TypedResult<String> result = b.expressions().evaluateToJson(element.script(), b.variables().lookup(ctx, instance.key()));
    if (result.isFailure()) {
      return new Failure(Failure.EXTRACT_VALUE_ERROR,
          "Failed to evaluate the script of '" + element.id() + "': " + result.failure());
    }
    lifecycle.activated(ctx, instance);
    if (element.resultVariable() != null) {
      lifecycle.setEventVariables(ctx, instance, element, Map.of(element.resultVariable(), result.value()));
    }
    lifecycle.complete(ctx, instance, element, element.outgoing());
    return null;
  }
}
