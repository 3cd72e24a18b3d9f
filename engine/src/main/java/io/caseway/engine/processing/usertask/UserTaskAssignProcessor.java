package io.caseway.engine.processing.usertask;

import io.caseway.engine.model.TaskListeners;
import io.caseway.engine.processing.bpmn.behavior.BpmnStateBehavior;

import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.protocol.intent.UserTaskIntent;
import io.caseway.engine.protocol.value.UserTaskRecord;
import io.caseway.engine.state.UserTaskState;

/**
 * ASSIGN and CLAIM. ASSIGN sets the assignee whoever had the task before, or clears it when none
 * is given (unassign). CLAIM (an assignment that may not override) is refused when the task is
 * already assigned to someone else.
 */
public final class UserTaskAssignProcessor implements CommandProcessor {
  private final BpmnStateBehavior state;
  private final UserTaskTransitionBehavior transitions;

  public UserTaskAssignProcessor(BpmnStateBehavior state, UserTaskTransitionBehavior transitions) {
    this.state = state;
    this.transitions = transitions;
  }

  @Override
  public void process(Command command, ProcessingContext ctx) {
    boolean claim = command.intent() == UserTaskIntent.CLAIM;
    UserTaskRecord request = command.valueAs(UserTaskRecord.class);
    String assignee = request.assignee() == null || request.assignee().isBlank() ? null : request.assignee();
    String verb = claim ? "claim" : assignee == null ? "unassign" : "assign";
    if (claim && assignee == null) {
      throw Rejection.invalidArgument("Expected to claim user task with key '" + command.key()
          + "' for an assignee, but no assignee was given");
    }
    UserTaskState.UserTask task = UserTaskCommands.requireTask(command, ctx, verb);
    String current = task.record().assignee();
    if (claim && current != null && !current.isEmpty() && !current.equals(assignee)) {
      throw Rejection.invalidState("Expected to assign user task with key '" + command.key() + "' to '" + assignee
          + "', but it is already assigned to '" + current + "' and overriding the assignee was not allowed");
    }
    UserTaskRecord assigned = task.record().withAssignee(assignee, UserTaskCommands.action(request.action(), verb));
    UserTaskCommands.transition(ctx, command, state, transitions, task, TaskListeners.ASSIGNING, assigned);
  }
}
