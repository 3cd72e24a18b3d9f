package io.caseway.engine.processing.job;

import io.caseway.engine.processing.usertask.UserTaskTransitionBehavior;

import io.caseway.engine.model.BpmnElementType;
import io.caseway.engine.protocol.value.JobResult;

import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.behavior.BpmnStateBehavior;
import io.caseway.engine.processing.bpmn.behavior.BpmnVariableBehavior;
import io.caseway.engine.protocol.intent.JobIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.JobRecord;
import io.caseway.engine.state.ElementInstance;
import java.util.Map;

/** A worker finished a job: its variables go to the element, which then completes. */
public final class JobCompleteProcessor implements CommandProcessor {
  private final BpmnStateBehavior state;
  private final BpmnElementLifecycle lifecycle;
  private final UserTaskTransitionBehavior userTasks;

  public JobCompleteProcessor(BpmnStateBehavior state, BpmnElementLifecycle lifecycle,
      UserTaskTransitionBehavior userTasks) {
    this.state = state;
    this.lifecycle = lifecycle;
    this.userTasks = userTasks;
  }

  @Override
  public void process(Command command, ProcessingContext ctx) {
    var job = JobCommands.requireJob(command, ctx, "complete");
    JobRecord request = command.valueAs(JobRecord.class);
    Map<String, String> variables = BpmnVariableBehavior.requireDocument(request.variables());
    JobResult result = JobResult.fromJson(request.result());
    ElementInstance instance = ctx.state().elementInstances().get(job.record().elementInstanceKey());
    boolean adHoc = instance != null && job.record().listenerEventType() == null
        && BpmnElementType.AD_HOC_SUB_PROCESS.name().equals(instance.value().bpmnElementType());
    if (adHoc) {
      lifecycle.adHocSubProcess().validateJobResult(state.element(ctx, instance), result);
    }
    boolean taskListener = JobCommands.isTaskListener(job.record());
    if (taskListener) {
      UserTaskTransitionBehavior.validateListenerCompletion(command.key(), job.record(), variables, result);
    }
    JobRecord completed = job.record().withVariables(request.variables()).withResult(result);
    ctx.respond(ctx.event(command.key(), JobIntent.COMPLETED, completed));
    if (instance != null && taskListener) {
      userTasks.listenerJobCompleted(ctx, instance, state.element(ctx, instance), completed, result);
      return;
    }
    if (instance != null && completed.listenerEventType() != null) {
      lifecycle.listenerJobCompleted(ctx, instance, state.element(ctx, instance), completed, variables);
      return;
    }
    if (adHoc && instance.state() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
      ExecutableElement element = state.element(ctx, instance);
      lifecycle.setEventVariables(ctx, instance, element, variables);
      lifecycle.adHocSubProcess().jobCompleted(ctx, instance, element, result);
      return;
    }
    if (instance != null && instance.state() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
      ExecutableElement element = state.element(ctx, instance);
      lifecycle.setEventVariables(ctx, instance, element, variables);
      ctx.command(instance.key(), ProcessInstanceIntent.COMPLETE_ELEMENT, instance.value());
    }
  }
}
