package io.caseway.engine.processing.usertask;

import io.caseway.engine.model.TaskListeners;

import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.behavior.BpmnStateBehavior;
import io.caseway.engine.processing.bpmn.behavior.BpmnVariableBehavior;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.intent.UserTaskIntent;
import io.caseway.engine.protocol.value.UserTaskRecord;
import io.caseway.engine.state.ElementInstance;
import io.caseway.engine.state.UserTaskState;
import java.util.Map;

/**
 * COMPLETE: the task is done; its variables go to the user task element like a job's (local when
 * the element has output mappings, else propagated), and the element completes; with completing task
 * listeners, once they are done (a listener may deny it: then the task stays open and the caller is refused).
 */
public final class UserTaskCompleteProcessor implements CommandProcessor {
  private final BpmnStateBehavior state;
  private final UserTaskTransitionBehavior transitions;

  public UserTaskCompleteProcessor(BpmnStateBehavior state, UserTaskTransitionBehavior transitions) {
    this.state = state;
    this.transitions = transitions;
  }

  @Override
  public void process(Command command, ProcessingContext ctx) {
    UserTaskRecord request = command.valueAs(UserTaskRecord.class);
    Map<String, String> variables = BpmnVariableBehavior.requireDocument(request.variables());
    UserTaskState.UserTask task = UserTaskCommands.requireTask(command, ctx, "complete");
    ElementInstance instance = ctx.state().elementInstances().get(task.record().elementInstanceKey());
    if (instance == null || instance.state() != ProcessInstanceIntent.ELEMENT_ACTIVATED
        || ctx.state().elementInstances().pendingEvent(instance.key()) != null) {
      throw Rejection.invalidState("Expected to complete user task with key '" + command.key()
          + "', but its element instance is no longer active (it is being completed or interrupted)");
    }
    UserTaskRecord completed = task.record().withCompletion(BpmnVariableBehavior.document(variables, null),
        UserTaskCommands.action(request.action(), "complete"));
    transitions.start(ctx, command, instance, state.element(ctx, instance), TaskListeners.COMPLETING, completed);
  }
}
