package io.caseway.engine.processing.bpmn.task;

import io.caseway.engine.model.TaskListeners;
import io.caseway.engine.processing.usertask.UserTaskTransitionBehavior;

import io.caseway.engine.expression.Expression;
import io.caseway.engine.expression.TypedResult;
import io.caseway.engine.expression.VariableLookup;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.BpmnElementProcessor;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.protocol.intent.UserTaskIntent;
import io.caseway.engine.protocol.value.FormRecord;
import io.caseway.engine.protocol.value.UserTaskRecord;
import io.caseway.engine.state.ElementInstance;
import io.caseway.engine.state.UserTaskState;
import java.util.List;

/** A Zeebe user task (zeebe:userTask): the engine holds the task until someone completes it. */
public final class UserTaskProcessor implements BpmnElementProcessor {
  private final BpmnBehaviors b;
  private final BpmnElementLifecycle lifecycle;
  private final UserTaskTransitionBehavior transitions;

  public UserTaskProcessor(BpmnBehaviors b, BpmnElementLifecycle lifecycle, UserTaskTransitionBehavior transitions) {
    this.b = b;
    this.lifecycle = lifecycle;
    this.transitions = transitions;
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance, ProcessingContext ctx) {
    VariableLookup vars = b.variables().lookup(ctx, instance.key());
    try {
      String assignee = string(element.assignee(), vars, "assignee", element);
      List<String> groups = list(element.candidateGroups(), vars, "candidate groups", element);
      List<String> users = list(element.candidateUsers(), vars, "candidate users", element);
      String dueDate = string(element.dueDate(), vars, "due date", element);
      String followUpDate = string(element.followUpDate(), vars, "follow-up date", element);
      int priority = element.priority() == null ? 50 : number(element.priority(), vars, element);
      long formKey = -1;
      if (element.formId() != null) {
        FormRecord form = ctx.state().deployments().latestForm(element.formId());
        if (form == null) {
          return new Failure(Failure.FORM_NOT_FOUND, "Expected to find a form with id '" + element.formId()
              + "' for user task '" + element.id() + "', but no such form is deployed. Deploy the form and resolve the incident.");
        }
        formKey = form.formKey();
      }
      Failure failure = b.events().subscribe(ctx, element, instance);
      if (failure != null) {
        return failure;
      }
      var pi = instance.value();
      long key = ctx.newKey();
      UserTaskRecord task = new UserTaskRecord(key, assignee, groups, users, dueDate, followUpDate, formKey,
          element.externalFormReference() != null ? element.externalFormReference() : element.formKey(),
          element.taskHeaders(), priority, null, "", List.of(), ctx.now(), element.id(), instance.key(),
          pi.processInstanceKey(), pi.bpmnProcessId(), pi.processDefinitionKey(), pi.version(), pi.tenantId());
      if (element.taskListeners(TaskListeners.CREATING).isEmpty()) {
        transitions.start(ctx, null, instance, element, TaskListeners.CREATING, task);
        lifecycle.activated(ctx, instance);
      } else {
        // the element is active (it can be interrupted) while the creating listeners run
        lifecycle.activated(ctx, instance);
        transitions.start(ctx, null, instance, element, TaskListeners.CREATING, task);
      }
      return null;
    } catch (FailedEvaluation e) {
      return new Failure(Failure.EXTRACT_VALUE_ERROR, e.getMessage());
    }
  }

  @Override
  public void onTerminate(ExecutableElement element, ElementInstance instance, ProcessingContext ctx) {
    UserTaskState.UserTask task = ctx.state().userTasks().get(instance.userTaskKey());
    if (task != null) {
      // with canceling listeners the element's termination waits until they are done
      transitions.cancel(ctx, instance, element, task);
    }
  }

  private static final class FailedEvaluation extends RuntimeException {
    FailedEvaluation(String message) {
      super(message, null, false, false);
    }
  }

  private String string(Expression e, VariableLookup vars, String what, ExecutableElement element) {
    if (e == null) {
      return null;
    }
    TypedResult<String> r = b.expressions().evaluateString(e, vars);
    if (r.isFailure()) {
      throw new FailedEvaluation("Failed to evaluate the " + what + " of user task '" + element.id() + "': " + r.failure());
    }
    return r.value();
  }

  private List<String> list(Expression e, VariableLookup vars, String what, ExecutableElement element) {
    if (e == null) {
      return List.of();
    }
    TypedResult<List<String>> r = b.expressions().evaluateStringList(e, vars);
    if (r.isFailure()) {
      throw new FailedEvaluation("Failed to evaluate the " + what + " of user task '" + element.id() + "': " + r.failure());
    }
    return r.value();
  }

  private int number(Expression e, VariableLookup vars, ExecutableElement element) {
    TypedResult<Long> r = b.expressions().evaluateLong(e, vars);
    if (r.isFailure() || r.value() < 0 || r.value() > 100) {
      throw new FailedEvaluation("Expected the priority of user task '" + element.id()
          + "' to be a number between 0 and 100, but " + (r.isFailure() ? r.failure() : "it was " + r.value()));
    }
    return r.value().intValue();
  }
}
