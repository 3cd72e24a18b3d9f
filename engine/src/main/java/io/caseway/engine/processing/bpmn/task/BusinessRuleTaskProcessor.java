package io.caseway.engine.processing.bpmn.task;

import io.caseway.engine.expression.TypedResult;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.BpmnElementProcessor;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.BpmnVariableBehavior;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.processing.decision.DecisionEvaluationBehavior;
import io.caseway.engine.protocol.value.DecisionEvaluationRecord;
import io.caseway.engine.state.ElementInstance;
import java.util.Map;

/** A business rule task calling a DMN decision (zeebe:calledDecision): the result goes to the result variable. */
public final class BusinessRuleTaskProcessor implements BpmnElementProcessor {
  private final BpmnBehaviors b;
  private final BpmnElementLifecycle lifecycle;
  private final DecisionEvaluationBehavior decisions;

  public BusinessRuleTaskProcessor(BpmnBehaviors b, BpmnElementLifecycle lifecycle, DecisionEvaluationBehavior decisions) {
    this.b = b;
    this.lifecycle = lifecycle;
    this.decisions = decisions;
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance, ProcessingContext ctx) {
    TypedResult<String> decisionId = b.expressions().evaluateString(element.decisionId(), b.variables().lookup(ctx, instance.key()));
    if (decisionId.isFailure()) {
      return new Failure(Failure.EXTRACT_VALUE_ERROR,
          "Failed to evaluate the decision id of '" + element.id() + "': " + decisionId.failure());
    }
    var decision = ctx.state().deployments().latestDecision(decisionId.value());
    if (decision == null) {
      return new Failure(Failure.CALLED_DECISION_ERROR, "Expected to evaluate decision '" + decisionId.value()
          + "' for '" + element.id() + "', but no decision with this id is deployed");
    }
    String variables = BpmnVariableBehavior.document(ctx.state().variables().visible(instance.key()), null);
    var pi = instance.value();
    DecisionEvaluationRecord evaluation = decisions.evaluate(ctx, decision, variables, pi.bpmnProcessId(),
        pi.processDefinitionKey(), pi.processInstanceKey(), element.id(), instance.key(), pi.tenantId());
    if (evaluation.failureMessage() != null) {
      return new Failure(Failure.DECISION_EVALUATION_ERROR, evaluation.failureMessage());
    }
    lifecycle.activated(ctx, instance);
    if (element.resultVariable() != null) {
      lifecycle.setEventVariables(ctx, instance, element, Map.of(element.resultVariable(), evaluation.decisionOutput()));
    }
    lifecycle.complete(ctx, instance, element, element.outgoing());
    return null;
  }
}
