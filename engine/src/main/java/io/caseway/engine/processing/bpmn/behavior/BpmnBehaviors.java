package io.caseway.engine.processing.bpmn.behavior;

import io.caseway.engine.dmn.DecisionEngine;
import io.caseway.engine.expression.ExpressionLanguage;
import io.caseway.engine.expression.TimerDefinitions;
import io.caseway.engine.processing.job.JobStreams;

/** The shared behaviours element and command processors are built from. */
public record BpmnBehaviors(
    ExpressionLanguage expressions,
    TimerDefinitions timers,
    DecisionEngine decisions,
    BpmnVariableBehavior variables,
    BpmnMappingBehavior mappings,
    BpmnIncidentBehavior incidents,
    BpmnJobBehavior jobs,
    BpmnEventSubscriptionBehavior events,
    BpmnStateBehavior state,
    BpmnErrorBehavior errors,
    BpmnEscalationBehavior escalations,
    BpmnEventSubProcessBehavior eventSubProcesses,
    ProcessInstanceStarter starter,
    ProcessResultAwaiters results,
    JobStreams jobStreams) {

  public static BpmnBehaviors create(ExpressionLanguage el, DecisionEngine decisions, JobStreams streams) {
    BpmnVariableBehavior variables = new BpmnVariableBehavior();
    BpmnStateBehavior state = new BpmnStateBehavior();
    TimerDefinitions timers = new TimerDefinitions(el);
    BpmnEventSubscriptionBehavior events = new BpmnEventSubscriptionBehavior(el, timers, variables);
    BpmnEventSubProcessBehavior eventSubProcesses = new BpmnEventSubProcessBehavior(state, events, variables);
    BpmnIncidentBehavior incidents = new BpmnIncidentBehavior();
    return new BpmnBehaviors(el, timers, decisions, variables, new BpmnMappingBehavior(el, variables),
        incidents, new BpmnJobBehavior(el, variables, streams), events, state,
        new BpmnErrorBehavior(state, eventSubProcesses), new BpmnEscalationBehavior(state, eventSubProcesses),
        eventSubProcesses, new ProcessInstanceStarter(variables, state, events, incidents), new ProcessResultAwaiters(),
        streams);
  }
}
