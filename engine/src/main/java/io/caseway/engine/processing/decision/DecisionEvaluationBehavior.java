package io.caseway.engine.processing.decision;

import io.caseway.engine.dmn.DecisionEngine;
import io.caseway.engine.dmn.DecisionResult;
import io.caseway.engine.dmn.EvaluatedDecision;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.protocol.intent.DecisionEvaluationIntent;
import io.caseway.engine.protocol.value.DecisionEvaluationRecord;
import io.caseway.engine.protocol.value.DecisionRecord;
import io.caseway.engine.state.DeploymentState;
import java.util.List;

/** Evaluates a deployed decision and writes the evaluation (EVALUATED or FAILED) to the record stream. */
public final class DecisionEvaluationBehavior {
  private final DecisionEngine engine;

  public DecisionEvaluationBehavior(DecisionEngine engine) {
    this.engine = engine;
  }

  public DecisionEvaluationRecord evaluate(ProcessingContext ctx, DecisionRecord decision, String variables,
      String bpmnProcessId, long processDefinitionKey, long processInstanceKey, String elementId,
      long elementInstanceKey, String tenantId) {
    DeploymentState deployments = ctx.state().deployments();
    DeploymentState.DeployedDrg drg = deployments.drg(decision.decisionRequirementsKey());
    DecisionResult result = engine.evaluate(drg.parsed(), decision.decisionId(), variables);
    List<DecisionEvaluationRecord.EvaluatedDecision> evaluated = result.evaluatedDecisions().stream()
        .map(d -> evaluated(deployments, decision, d)).toList();
    DecisionEvaluationRecord record = new DecisionEvaluationRecord(decision.decisionKey(), decision.decisionId(),
        decision.decisionName(), decision.version(), decision.decisionRequirementsId(),
        decision.decisionRequirementsKey(), variables, result.isFailure() ? null : result.outputJson(), evaluated,
        result.failedDecisionId(), result.failure(), bpmnProcessId, processDefinitionKey, processInstanceKey,
        elementId, elementInstanceKey, tenantId);
    ctx.event(ctx.newKey(), result.isFailure() ? DecisionEvaluationIntent.FAILED : DecisionEvaluationIntent.EVALUATED,
        record);
    return record;
  }

  private static DecisionEvaluationRecord.EvaluatedDecision evaluated(DeploymentState deployments,
      DecisionRecord called, EvaluatedDecision d) {
    DecisionRecord required = deployments.decisions().stream()
        .filter(r -> r.decisionRequirementsKey() == called.decisionRequirementsKey() && r.decisionId().equals(d.decisionId()))
        .findFirst().orElse(called);
    return new DecisionEvaluationRecord.EvaluatedDecision(required.decisionKey(), d.decisionId(), d.decisionName(),
        required.version(), d.decisionType(), d.outputJson(),
        d.evaluatedInputs().stream().map(i -> new DecisionEvaluationRecord.EvaluatedInput(i.inputId(), i.inputName(), i.valueJson())).toList(),
        d.matchedRules().stream().map(r -> new DecisionEvaluationRecord.MatchedRule(r.ruleId(), r.ruleIndex(),
            r.evaluatedOutputs().stream().map(o -> new DecisionEvaluationRecord.EvaluatedOutput(o.outputId(), o.outputName(), o.valueJson())).toList())).toList());
  }
}
