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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * UPDATE: changes the attributes the command names (due date, follow-up date, candidate groups and
 * users, priority) and leaves the others. An empty date clears it.
 */
public final class UserTaskUpdateProcessor implements CommandProcessor {
  private final BpmnStateBehavior state;
  private final UserTaskTransitionBehavior transitions;

  public UserTaskUpdateProcessor(BpmnStateBehavior state, UserTaskTransitionBehavior transitions) {
    this.state = state;
    this.transitions = transitions;
  }
  static final Set<String> ATTRIBUTES = Set.of("dueDate", "followUpDate", "candidateGroups", "candidateUsers", "priority");

  @Override
  public void process(Command command, ProcessingContext ctx) {
    UserTaskRecord request = command.valueAs(UserTaskRecord.class);
    List<String> changed = request.changedAttributes() == null ? List.of() : request.changedAttributes();
    for (String attribute : changed) {
      if (!ATTRIBUTES.contains(attribute)) {
        throw Rejection.invalidArgument("Expected to update user task attributes among " + ATTRIBUTES.stream().sorted()
            .toList() + ", but '" + attribute + "' is not one of them");
      }
    }
    if (changed.contains("priority") && (request.priority() < 0 || request.priority() > 100)) {
      throw Rejection.invalidArgument("Expected the priority of user task with key '" + command.key()
          + "' to be between 0 and 100, but it was " + request.priority());
    }
    String dueDate = date(request.dueDate(), "due date", changed.contains("dueDate"));
    String followUpDate = date(request.followUpDate(), "follow-up date", changed.contains("followUpDate"));
    UserTaskState.UserTask task = UserTaskCommands.requireTask(command, ctx, "update");
    UserTaskRecord changes = UserTaskRecord.updateCommand(command.key(), dueDate, followUpDate,
        list(request.candidateGroups()), list(request.candidateUsers()), request.priority(), changed, null);
    UserTaskRecord updated = task.record().withChanges(changes, changed,
        UserTaskCommands.action(request.action(), "update"));
    UserTaskCommands.transition(ctx, command, state, transitions, task, TaskListeners.UPDATING, updated);
  }

  /** An ISO 8601 date-time with offset (RFC 3339), or null when cleared with an empty string. */
  private static String date(String value, String what, boolean changed) {
    if (!changed || value == null || value.isEmpty()) {
      return null;
    }
    try {
      OffsetDateTime.parse(value);
      return value;
    } catch (DateTimeParseException e) {
      throw Rejection.invalidArgument("Expected the " + what + " to be a date-time like 2026-12-01T10:00:00Z"
          + " (ISO 8601 with offset), but it was '" + value + "'");
    }
  }

  private static List<String> list(List<String> values) {
    return values == null ? List.of() : List.copyOf(values);
  }
}
