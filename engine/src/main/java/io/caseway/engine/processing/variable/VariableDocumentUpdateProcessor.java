package io.caseway.engine.processing.variable;

import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.processing.bpmn.behavior.BpmnVariableBehavior;
import io.caseway.engine.protocol.intent.VariableDocumentIntent;
import io.caseway.engine.protocol.value.VariableDocumentRecord;
import io.caseway.engine.state.ElementInstance;
import java.util.Map;

/**
 * SetVariables: on an active element instance, locally or propagated outwards. On the scope of a
 * Camunda user task with updating task listeners, the variables wait for them (and may be denied).
 */
public final class VariableDocumentUpdateProcessor implements CommandProcessor {
  private final BpmnVariableBehavior variables;
  private final io.caseway.engine.processing.bpmn.behavior.BpmnStateBehavior state;
  private final io.caseway.engine.processing.usertask.UserTaskTransitionBehavior userTasks;

  public VariableDocumentUpdateProcessor(BpmnVariableBehavior variables,
      io.caseway.engine.processing.bpmn.behavior.BpmnStateBehavior state,
      io.caseway.engine.processing.usertask.UserTaskTransitionBehavior userTasks) {
    this.variables = variables;
    this.state = state;
    this.userTasks = userTasks;
  }

  @Override
  public void process(Command command, ProcessingContext ctx) {
    VariableDocumentRecord request = command.valueAs(VariableDocumentRecord.class);
    ElementInstance scope = ctx.state().elementInstances().get(request.scopeKey());
    if (scope == null || scope.isTerminating()) {
      throw Rejection.notFound("Expected to update variables for element with key '" + request.scopeKey()
          + "', but no such element was found");
    }
    Map<String, String> vars = BpmnVariableBehavior.requireDocument(request.variables());
    if (scope.userTaskKey() > 0 && userTasks.variablesWaitForListeners(ctx, command, scope,
        state.element(ctx, scope), request)) {
      return;
    }
    if (request.local()) {
      variables.setLocal(ctx, scope.key(), scope.value(), vars);
    } else {
      variables.propagate(ctx, scope.key(), scope.value(), vars);
    }
    ctx.respond(ctx.event(ctx.newKey(), VariableDocumentIntent.UPDATED, request));
  }
}
