package io.caseway.engine.processing.usertask;

import io.caseway.engine.processing.bpmn.behavior.BpmnStateBehavior;
import io.caseway.engine.protocol.value.UserTaskRecord;
import io.caseway.engine.state.ElementInstance;

import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.protocol.intent.UserTaskIntent;
import io.caseway.engine.state.UserTaskLifecycle;
import io.caseway.engine.state.UserTaskState;

/** The precondition every user task command shares: the task exists and its lifecycle accepts the command. */
final class UserTaskCommands {
  private UserTaskCommands() {}

  static UserTaskState.UserTask requireTask(Command command, ProcessingContext ctx, String verb) {
    UserTaskState.UserTask task = ctx.state().userTasks().get(command.key());
    if (task == null) {
      throw Rejection.notFound("Expected to " + verb + " user task with key '" + command.key()
          + "', but no such user task was found (it may have been completed or canceled already)");
    }
    if (!UserTaskLifecycle.accepts((UserTaskIntent) command.intent(), task.state())) {
      throw Rejection.invalidState("Expected to " + verb + " user task with key '" + command.key() + "', but it is "
          + describe(task.state()));
    }
    return task;
  }

  static String describe(UserTaskState.State state) {
    return switch (state) {
      case CREATED -> "open";
      case ASSIGNING -> "being assigned";
      case COMPLETING -> "being completed";
      case CANCELING -> "being canceled";
      case CREATING -> "being created";
      case UPDATING -> "being updated";
    };
  }

  /** Starts the transition of a task whose element is still active (else the command is refused). */
  static void transition(ProcessingContext ctx, Command command, BpmnStateBehavior state,
      UserTaskTransitionBehavior transitions, UserTaskState.UserTask task, String eventType, UserTaskRecord target) {
    ElementInstance instance = ctx.state().elementInstances().get(task.record().elementInstanceKey());
    if (instance == null) {
      throw Rejection.invalidState("Expected user task with key '" + command.key()
          + "' to belong to an active element, but its element instance is gone");
    }
    transitions.start(ctx, command, instance, state.element(ctx, instance), eventType, target);
  }

  static String action(String requested, String fallback) {
    return requested == null || requested.isBlank() ? fallback : requested;
  }
}
