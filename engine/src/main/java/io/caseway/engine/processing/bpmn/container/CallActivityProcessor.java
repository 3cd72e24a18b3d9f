package io.caseway.engine.processing.bpmn.container;

import io.caseway.engine.expression.TypedResult;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.BpmnElementProcessor;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.state.DeploymentState.DeployedProcess;
import io.caseway.engine.state.ElementInstance;
import java.util.Map;

/**
 * A call activity starts an instance of another process (latest version, or the one deployed with
 * the caller for binding type 'deployment'), passes variables in, and completes when it completes.
 */
public final class CallActivityProcessor implements BpmnElementProcessor {
  private final BpmnBehaviors b;
  private final BpmnElementLifecycle lifecycle;

  public CallActivityProcessor(BpmnBehaviors b, BpmnElementLifecycle lifecycle) {
    this.b = b;
    this.lifecycle = lifecycle;
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance, ProcessingContext ctx) {
    TypedResult<String> processId = b.expressions().evaluateString(element.calledProcessId(),
        b.variables().lookup(ctx, instance.key()));
    if (processId.isFailure()) {
      return new Failure(Failure.EXTRACT_VALUE_ERROR,
          "Failed to evaluate the called process id of '" + element.id() + "': " + processId.failure());
    }
    DeployedProcess called = find(ctx, element, instance, processId.value());
    if (called == null) {
      return new Failure(Failure.CALLED_ELEMENT_ERROR, "Expected process with BPMN process id '" + processId.value()
          + "' to be deployed" + ("deployment".equals(element.bindingType()) ? " with the calling process"
              : "versionTag".equals(element.bindingType()) ? " with version tag '" + element.calledVersionTag() + "'" : "")
          + ", but not found.");
    }
    if (called.executable().root().noneStartEvent() == null) {
      return new Failure(Failure.CALLED_ELEMENT_ERROR, "Expected process with BPMN process id '" + processId.value()
          + "' to have a none start event, but it has none");
    }
    Failure failure = b.events().subscribe(ctx, element, instance);
    if (failure != null) {
      return failure;
    }
    lifecycle.activated(ctx, instance);
    Map<String, String> vars = element.propagateAllParentVariables()
        ? ctx.state().variables().visible(instance.key())
        : b.variables().locals(ctx, instance.key());
    b.starter().start(ctx, called, called.executable().root().noneStartEvent(), vars,
        instance.value().processInstanceKey(), instance.key());
    return null;
  }

  private DeployedProcess find(ProcessingContext ctx, ExecutableElement element, ElementInstance instance, String id) {
    var deployments = ctx.state().deployments();
    if ("deployment".equals(element.bindingType())) {
      long deploymentKey = deployments.process(instance.value().processDefinitionKey()).record().deploymentKey();
      return deployments.processes().stream()
          .filter(p -> p.record().bpmnProcessId().equals(id) && p.record().deploymentKey() == deploymentKey)
          .findFirst().orElse(null);
    }
    if ("versionTag".equals(element.bindingType())) {
      return deployments.processes().stream()
          .filter(p -> p.record().bpmnProcessId().equals(id)
              && element.calledVersionTag().equals(p.executable().versionTag()))
          .max(java.util.Comparator.comparingInt(p -> p.record().version()))
          .orElse(null);
    }
    return deployments.latestProcess(id);
  }
}
