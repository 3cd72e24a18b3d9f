package io.caseway.engine.processing.decision;

import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.processing.bpmn.behavior.BpmnVariableBehavior;
import io.caseway.engine.protocol.intent.DecisionEvaluationIntent;
import io.caseway.engine.protocol.value.DecisionEvaluationRecord;
import io.caseway.engine.protocol.value.DecisionRecord;

/** EvaluateDecision: evaluates a decision by key, or the latest version by id, outside any process. */
public final class DecisionEvaluationEvaluateProcessor implements CommandProcessor {
  private final DecisionEvaluationBehavior decisions;

  public DecisionEvaluationEvaluateProcessor(DecisionEvaluationBehavior decisions) {
    this.decisions = decisions;
  }

  @Override
  public void process(Command command, ProcessingContext ctx) {
    DecisionEvaluationRecord request = command.valueAs(DecisionEvaluationRecord.class);
    boolean byKey = request.decisionKey() > 0;
    boolean byId = request.decisionId() != null && !request.decisionId().isBlank();
    if (byKey == byId) {
      throw Rejection.invalidArgument("Expected either a decision id or a decision key, but "
          + (byKey ? "both were" : "none was") + " given");
    }
    DecisionRecord decision = byKey ? ctx.state().deployments().decision(request.decisionKey())
        : ctx.state().deployments().latestDecision(request.decisionId());
    if (decision == null) {
      throw Rejection.notFound(byKey
          ? "Expected to evaluate decision with key '" + request.decisionKey() + "', but no such decision was found"
          : "Expected to evaluate decision '" + request.decisionId() + "', but no such decision was found");
    }
    String variables = BpmnVariableBehavior.document(BpmnVariableBehavior.requireDocument(request.variables()), null);
    DecisionEvaluationRecord evaluation = decisions.evaluate(ctx, decision, variables, null, -1, -1, null, -1,
        request.tenantId());
    ctx.respond(new io.caseway.engine.protocol.Record(-1, -1, ctx.now(), io.caseway.engine.protocol.RecordType.EVENT,
        io.caseway.engine.protocol.ValueType.DECISION_EVALUATION,
        evaluation.failureMessage() == null ? DecisionEvaluationIntent.EVALUATED : DecisionEvaluationIntent.FAILED,
        evaluation, null, null));
  }
}
