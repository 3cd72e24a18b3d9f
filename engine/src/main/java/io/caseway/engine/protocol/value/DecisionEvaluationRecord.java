package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;
import java.util.List;

/** The evaluation of a decision, from a business rule task or the EvaluateDecision command. */
public record DecisionEvaluationRecord(
    long decisionKey,
    String decisionId,
    String decisionName,
    int decisionVersion,
    String decisionRequirementsId,
    long decisionRequirementsKey,
    String variables,
    String decisionOutput,
    List<EvaluatedDecision> evaluatedDecisions,
    String failedDecisionId,
    String failureMessage,
    String bpmnProcessId,
    long processDefinitionKey,
    long processInstanceKey,
    String elementId,
    long elementInstanceKey,
    String tenantId)
    implements RecordValue {

  public record EvaluatedDecision(
      long decisionKey, String decisionId, String decisionName, int decisionVersion, String decisionType,
      String decisionOutput, List<EvaluatedInput> evaluatedInputs, List<MatchedRule> matchedRules) {}

  public record EvaluatedInput(String inputId, String inputName, String inputValue) {}

  public record EvaluatedOutput(String outputId, String outputName, String outputValue) {}

  public record MatchedRule(String ruleId, int ruleIndex, List<EvaluatedOutput> evaluatedOutputs) {}
}
