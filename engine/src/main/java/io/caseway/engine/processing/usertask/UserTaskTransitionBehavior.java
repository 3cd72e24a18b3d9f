package io.caseway.engine.processing.usertask;

import io.caseway.engine.expression.Json;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.model.ExecutionListener;
import io.caseway.engine.model.TaskListeners;
import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.processing.ResponseChannel;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.BpmnVariableBehavior;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.protocol.Record;
import io.caseway.engine.protocol.RejectionType;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.intent.UserTaskIntent;
import io.caseway.engine.protocol.value.JobRecord;
import io.caseway.engine.protocol.value.JobResult;
import io.caseway.engine.protocol.value.UserTaskRecord;
import io.caseway.engine.state.ElementInstance;
import io.caseway.engine.state.UserTaskState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a user task transition (creating, assigning, updating, completing) through its task
 * listeners: the -ING event, then one listener job after another, each of which may correct the
 * task or (except while creating) deny the transition; then the final event. Without listeners the
 * final event follows at once. The caller of a command waits until the transition ends: it gets
 * the final record, or a rejection when a listener denied it. Waiting callers are not state (after a
 * restart they are gone anyway).
 */
public final class UserTaskTransitionBehavior {
  /** Job headers that carry the user task's data to a task listener (the gateways turn them into the job's userTask). */
  public static final String HEADER_PREFIX = "io.camunda.zeebe:";

  private final BpmnBehaviors b;
  private final BpmnElementLifecycle lifecycle;
  private final Map<Long, ResponseChannel> waiting = new HashMap<>();

  public UserTaskTransitionBehavior(BpmnBehaviors b, BpmnElementLifecycle lifecycle) {
    this.b = b;
    this.lifecycle = lifecycle;
  }

  /** The -ING intent of each listener event type, and the final and denied intents. */
  private static UserTaskIntent starting(String eventType) {
    return switch (eventType) {
      case TaskListeners.CREATING -> UserTaskIntent.CREATING;
      case TaskListeners.ASSIGNING -> UserTaskIntent.ASSIGNING;
      case TaskListeners.UPDATING -> UserTaskIntent.UPDATING;
      case TaskListeners.COMPLETING -> UserTaskIntent.COMPLETING;
      case TaskListeners.CANCELING -> UserTaskIntent.CANCELING;
      default -> throw new IllegalArgumentException(eventType);
    };
  }

  private static UserTaskIntent denied(String eventType) {
    return switch (eventType) {
      case TaskListeners.ASSIGNING -> UserTaskIntent.ASSIGNMENT_DENIED;
      case TaskListeners.UPDATING -> UserTaskIntent.UPDATE_DENIED;
      case TaskListeners.COMPLETING -> UserTaskIntent.COMPLETION_DENIED;
      default -> throw new IllegalArgumentException(eventType + " cannot be denied");
    };
  }

  /**
   * Starts a transition of the task to {@code target}. With listeners the transition waits for
   * them (and the command's caller with it); without, it ends at once.
   */
  public void start(ProcessingContext ctx, Command command, ElementInstance instance, ExecutableElement element,
      String eventType, UserTaskRecord target) {
    ctx.event(target.userTaskKey(), starting(eventType), target);
    List<ExecutionListener> listeners = element.taskListeners(eventType);
    if (listeners.isEmpty()) {
      finish(ctx, instance, element, eventType, target, command == null ? null : command.response());
      return;
    }
    if (command != null) {
      waiting.put(target.userTaskKey(), command.response());
    }
    writeListenerJob(ctx, instance, element, listeners.get(0), 0, target);
  }

  private void writeListenerJob(ProcessingContext ctx, ElementInstance instance, ExecutableElement element,
      ExecutionListener listener, int index, UserTaskRecord task) {
    var job = b.jobs().prepareListenerJob(ctx, element, instance, listener, index);
    if (job.isFailure()) {
      b.incidents().raise(ctx, instance, new Failure(Failure.EXTRACT_VALUE_ERROR, job.failure()));
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>(element.taskHeaders());
    headers.putAll(userTaskHeaders(task));
    b.jobs().writeJob(ctx, job.value().withCustomHeaders(headers));
  }

  /** The task's data as job headers, for the gateways to hand to the worker as the job's userTask. */
  static Map<String, String> userTaskHeaders(UserTaskRecord task) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put(HEADER_PREFIX + "userTaskKey", Long.toString(task.userTaskKey()));
    h.put(HEADER_PREFIX + "action", Objects.requireNonNullElse(task.action(), ""));
    h.put(HEADER_PREFIX + "assignee", Objects.requireNonNullElse(task.assignee(), ""));
    h.put(HEADER_PREFIX + "candidateGroups", Json.toJson(task.candidateGroups() == null ? List.of() : task.candidateGroups()));
    h.put(HEADER_PREFIX + "candidateUsers", Json.toJson(task.candidateUsers() == null ? List.of() : task.candidateUsers()));
    h.put(HEADER_PREFIX + "changedAttributes",
        Json.toJson(task.changedAttributes() == null ? List.of() : task.changedAttributes()));
    h.put(HEADER_PREFIX + "dueDate", Objects.requireNonNullElse(task.dueDate(), ""));
    h.put(HEADER_PREFIX + "followUpDate", Objects.requireNonNullElse(task.followUpDate(), ""));
    h.put(HEADER_PREFIX + "formKey", Long.toString(task.formKey()));
    h.put(HEADER_PREFIX + "priority", Integer.toString(task.priority()));
    return h;
  }

  /**
   * Variables set on the scope of a user task with updating listeners: they are held (VARIABLE_DOCUMENT
   * UPDATING) and the task goes through its updating transition; returns false when the task has
   * no updating listeners (the variables are set at once, as on any scope).
   */
  public boolean variablesWaitForListeners(ProcessingContext ctx, Command command, ElementInstance scope,
      ExecutableElement element, io.caseway.engine.protocol.value.VariableDocumentRecord request) {
    UserTaskState.UserTask task = ctx.state().userTasks().get(scope.userTaskKey());
    if (task == null || element.taskListeners(TaskListeners.UPDATING).isEmpty()) {
      return false;
    }
    if (task.state() != UserTaskState.State.CREATED) {
      throw Rejection.invalidState("Expected to set variables on user task with key '" + task.record().userTaskKey()
          + "', but it is " + UserTaskCommands.describe(task.state()));
    }
    ctx.event(ctx.newKey(), io.caseway.engine.protocol.intent.VariableDocumentIntent.UPDATING, request);
    start(ctx, command, scope, element, TaskListeners.UPDATING,
        task.record().withVariableUpdate(request.variables(), "update"));
    return true;
  }

  /** Refuses what a task listener may not answer; nothing is written before. */
  public static void validateListenerCompletion(long jobKey, JobRecord job, Map<String, String> variables,
      JobResult result) {
    if (!variables.isEmpty()) {
      throw Rejection.invalidArgument("Expected to complete task listener job with key '" + jobKey
          + "' without variables (task listeners cannot set variables), but variables " + variables.keySet()
          + " were given");
    }
    if (result != null && result.denied() && !TaskListeners.deniable(job.listenerEventType())) {
      throw Rejection.invalidArgument("Expected task listener job with key '" + jobKey + "' not to deny the "
          + job.listenerEventType().toLowerCase() + " transition, but it did: only assigning, updating and completing"
          + " can be denied");
    }
    if (result != null && result.corrections() != null
        && io.caseway.engine.model.TaskListeners.CANCELING.equals(job.listenerEventType())) {
      throw Rejection.invalidArgument("Expected task listener job with key '" + jobKey + "' not to correct a task"
          + " that is being canceled, but it did");
    }
    if (result != null && result.corrections() != null && result.corrections().priority() != null
        && (result.corrections().priority() < 0 || result.corrections().priority() > 100)) {
      throw Rejection.invalidArgument("Expected the corrected priority of the user task to be between 0 and 100,"
          + " but it was " + result.corrections().priority());
    }
  }

  /** A task listener job was completed (and validated): correct, deny, go to the next listener or finish. */
  public void listenerJobCompleted(ProcessingContext ctx, ElementInstance instance, ExecutableElement element,
      JobRecord job, JobResult result) {
    UserTaskState.UserTask task = ctx.state().userTasks().get(instance.userTaskKey());
    String eventType = job.listenerEventType();
    if (task == null || task.state() != stateOf(eventType)) {
      return; // the task left meanwhile (e.g. its element was terminated)
    }
    UserTaskRecord target = task.current();
    if (result != null && result.denied()) {
      if (task.variables() != null) {
        ctx.event(ctx.newKey(), io.caseway.engine.protocol.intent.VariableDocumentIntent.UPDATE_DENIED, task.variables());
      }
      ctx.event(target.userTaskKey(), denied(eventType), task.record());
      ResponseChannel caller = waiting.remove(target.userTaskKey());
      if (caller != null) {
        String reason = result.deniedReason() == null || result.deniedReason().isBlank() ? ""
            : " Reason to deny: '" + result.deniedReason() + "'";
        String message = "The " + verb(eventType) + " of user task with key '" + target.userTaskKey()
            + "' was denied by a task listener." + reason;
        ctx.afterCommit(() -> caller.reject(RejectionType.INVALID_STATE, message));
      }
      return;
    }
    if (result != null && result.corrections() != null) {
      UserTaskRecord corrected = corrected(task.record(), target, result.corrections());
      if (!corrected.equals(target)) {
        ctx.event(target.userTaskKey(), UserTaskIntent.CORRECTED, corrected);
        target = corrected;
      }
    }
    List<ExecutionListener> listeners = element.taskListeners(eventType);
    int next = job.listenerIndex() + 1;
    if (next < listeners.size()) {
      writeListenerJob(ctx, instance, element, listeners.get(next), next, target);
      return;
    }
    finish(ctx, instance, element, eventType, target, waiting.remove(target.userTaskKey()));
  }

  /**
   * The task's element is terminated: the task is canceled, after its canceling listeners if it
   * has any (the element's termination waits for them); a caller still waiting for another
   * transition of it is refused.
   */
  public void cancel(ProcessingContext ctx, ElementInstance instance, ExecutableElement element,
      UserTaskState.UserTask task) {
    long key = task.record().userTaskKey();
    ctx.event(key, UserTaskIntent.CANCELING, task.record());
    refuseWaiting(ctx, key);
    List<ExecutionListener> listeners = element.taskListeners(TaskListeners.CANCELING);
    if (listeners.isEmpty()) {
      ctx.event(key, UserTaskIntent.CANCELED, task.record());
    } else {
      writeListenerJob(ctx, instance, element, listeners.get(0), 0, task.record());
    }
  }

  /** Whether the element's termination waits for the canceling listeners of its task. */
  public static boolean cancelingListenersRun(ProcessingContext ctx, ElementInstance instance) {
    UserTaskState.UserTask task = instance.userTaskKey() > 0 ? ctx.state().userTasks().get(instance.userTaskKey()) : null;
    return task != null && task.state() == UserTaskState.State.CANCELING;
  }

  private void refuseWaiting(ProcessingContext ctx, long userTaskKey) {
    ResponseChannel caller = waiting.remove(userTaskKey);
    if (caller != null) {
      ctx.afterCommit(() -> caller.reject(RejectionType.INVALID_STATE, "User task with key '" + userTaskKey
          + "' was canceled before its task listeners were done"));
    }
  }

  private void finish(ProcessingContext ctx, ElementInstance instance, ExecutableElement element, String eventType,
      UserTaskRecord target, ResponseChannel caller) {
    switch (eventType) {
      case TaskListeners.CREATING -> {
        String assignee = emptyToNull(target.assignee());
        if (assignee == null || element.taskListeners(TaskListeners.ASSIGNING).isEmpty()) {
          ctx.event(target.userTaskKey(), UserTaskIntent.CREATED, target);
        } else {
          // the model's assignee is given through the assigning transition, so that its listeners run too
          UserTaskRecord unassigned = target.withAssignee(null, target.action());
          ctx.event(target.userTaskKey(), UserTaskIntent.CREATED, unassigned);
          start(ctx, null, instance, element, TaskListeners.ASSIGNING, unassigned.withAssignee(assignee, "assign"));
        }
      }
      case TaskListeners.ASSIGNING -> answer(ctx, caller, ctx.event(target.userTaskKey(), UserTaskIntent.ASSIGNED, target));
      case TaskListeners.UPDATING -> {
        UserTaskState.UserTask task = ctx.state().userTasks().get(target.userTaskKey());
        var document = task == null ? null : task.variables();
        Record updated = ctx.event(target.userTaskKey(), UserTaskIntent.UPDATED, target);
        if (document != null) {
          // the variables set on the task's scope are set now that its listeners agreed
          var vars = BpmnVariableBehavior.parseDocument(document.variables());
          if (document.local()) {
            b.variables().setLocal(ctx, instance.key(), instance.value(), vars);
          } else {
            b.variables().propagate(ctx, instance.key(), instance.value(), vars);
          }
          updated = ctx.event(ctx.newKey(), io.caseway.engine.protocol.intent.VariableDocumentIntent.UPDATED, document);
        }
        answer(ctx, caller, updated);
      }
      case TaskListeners.COMPLETING -> {
        answer(ctx, caller, ctx.event(target.userTaskKey(), UserTaskIntent.COMPLETED, target));
        if (instance.state() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
          lifecycle.setEventVariables(ctx, instance, element, BpmnVariableBehavior.parseDocument(target.variables()));
          ctx.command(instance.key(), ProcessInstanceIntent.COMPLETE_ELEMENT, instance.value());
        }
      }
      case TaskListeners.CANCELING -> {
        ctx.event(target.userTaskKey(), UserTaskIntent.CANCELED, target);
        ctx.command(instance.key(), ProcessInstanceIntent.CONTINUE_TERMINATING, instance.value());
      }
      default -> throw new IllegalArgumentException(eventType);
    }
  }

  private static void answer(ProcessingContext ctx, ResponseChannel caller, Record record) {
    if (caller != null) {
      ctx.afterCommit(() -> caller.accept(record));
    }
  }

  private static UserTaskState.State stateOf(String eventType) {
    return switch (eventType) {
      case TaskListeners.CREATING -> UserTaskState.State.CREATING;
      case TaskListeners.CANCELING -> UserTaskState.State.CANCELING;
      case TaskListeners.ASSIGNING -> UserTaskState.State.ASSIGNING;
      case TaskListeners.UPDATING -> UserTaskState.State.UPDATING;
      case TaskListeners.COMPLETING -> UserTaskState.State.COMPLETING;
      default -> null;
    };
  }

  private static String verb(String eventType) {
    return switch (eventType) {
      case TaskListeners.ASSIGNING -> "assignment";
      case TaskListeners.UPDATING -> "update";
      default -> "completion";
    };
  }

  /**
   * Applies a listener's corrections (null: unchanged; an empty date or assignee clears it); the
   * changed attributes are those that now differ from the task before the transition.
   */
  static UserTaskRecord corrected(UserTaskRecord before, UserTaskRecord target, JobResult.Corrections c) {
    String assignee = c.assignee() == null ? target.assignee() : emptyToNull(c.assignee());
    String dueDate = c.dueDate() == null ? target.dueDate() : emptyToNull(c.dueDate());
    String followUpDate = c.followUpDate() == null ? target.followUpDate() : emptyToNull(c.followUpDate());
    List<String> groups = c.candidateGroups() == null ? target.candidateGroups() : List.copyOf(c.candidateGroups());
    List<String> users = c.candidateUsers() == null ? target.candidateUsers() : List.copyOf(c.candidateUsers());
    int priority = c.priority() == null ? target.priority() : c.priority();
    List<String> changed = new ArrayList<>();
    if (!Objects.equals(emptyToNull(before.assignee()), assignee)) changed.add("assignee");
    if (!Objects.equals(before.candidateGroups(), groups)) changed.add("candidateGroups");
    if (!Objects.equals(before.candidateUsers(), users)) changed.add("candidateUsers");
    if (!Objects.equals(before.dueDate(), dueDate)) changed.add("dueDate");
    if (!Objects.equals(before.followUpDate(), followUpDate)) changed.add("followUpDate");
    if (before.priority() != priority) changed.add("priority");
    return new UserTaskRecord(target.userTaskKey(), assignee, groups, users, dueDate, followUpDate, target.formKey(),
        target.externalFormReference(), target.customHeaders(), priority, target.variables(), target.action(),
        List.copyOf(changed), target.creationTimestamp(), target.elementId(), target.elementInstanceKey(),
        target.processInstanceKey(), target.bpmnProcessId(), target.processDefinitionKey(),
        target.processDefinitionVersion(), target.tenantId());
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
