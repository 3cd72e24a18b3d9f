package io.caseway.engine.processing.bpmn.container;

import io.caseway.engine.expression.Json;
import io.caseway.engine.expression.TypedResult;
import io.caseway.engine.model.BpmnElementType;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.BpmnElementProcessor;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.state.ElementInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * An ad-hoc sub-process: on entry it activates the inner elements that its active elements
 * collection names (none: it waits, and the activation API starts elements later). It completes
 * when nothing runs inside any more, or earlier when its completion condition holds after an inner
 * element completed (then what still runs is terminated if {@code cancelRemainingInstances}).
 */
public final class AdHocSubProcessProcessor implements BpmnElementProcessor {
  private final BpmnBehaviors b;
  private final BpmnElementLifecycle lifecycle;

  public AdHocSubProcessProcessor(BpmnBehaviors b, BpmnElementLifecycle lifecycle) {
    this.b = b;
    this.lifecycle = lifecycle;
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance, ProcessingContext ctx) {
    Failure failure = b.events().subscribe(ctx, element, instance);
    if (failure != null) {
      return failure;
    }
    List<ExecutableElement> toActivate = new ArrayList<>();
    if (element.adHoc().activeElementsCollection() != null) {
      TypedResult<String> json = b.expressions().evaluateToJson(element.adHoc().activeElementsCollection(),
          b.variables().lookup(ctx, instance.key()));
      if (json.isFailure()) {
        return new Failure(Failure.EXTRACT_VALUE_ERROR, "Failed to evaluate the active elements collection of '"
            + element.id() + "': " + json.failure());
      }
      Object value = Json.fromJson(json.value());
      if (!(value instanceof List<?> ids)) {
        return new Failure(Failure.EXTRACT_VALUE_ERROR, "Expected the active elements collection of '" + element.id()
            + "' to be a list of element ids, but it was " + json.value());
      }
      for (Object id : ids) {
        ExecutableElement inner = innerElement(element, id);
        if (inner == null) {
          return new Failure(Failure.EXTRACT_VALUE_ERROR, "Expected the active elements collection of '"
              + element.id() + "' to name its inner elements, but " + Json.toJson(id) + " is not one of "
              + activatable(element));
        }
        toActivate.add(inner);
      }
    }
    lifecycle.activated(ctx, instance);
    for (ExecutableElement inner : toActivate) {
      b.state().activateChild(ctx, instance, inner);
    }
    return null;
  }

  /** After an inner element completed: completes the ad-hoc sub-process early if its completion condition holds. */
  public void afterInnerCompleted(ProcessingContext ctx, ElementInstance adHoc, ExecutableElement element) {
    if (element.adHoc().completionCondition() == null || adHoc.state() != ProcessInstanceIntent.ELEMENT_ACTIVATED) {
      return;
    }
    TypedResult<Boolean> done = b.expressions().evaluateBoolean(element.adHoc().completionCondition(),
        b.variables().lookup(ctx, adHoc.key()));
    if (done.isFailure()) {
      b.incidents().raise(ctx, adHoc, new Failure(Failure.EXTRACT_VALUE_ERROR,
          "Failed to evaluate the completion condition of '" + element.id() + "': " + done.failure()));
      return;
    }
    if (!Boolean.TRUE.equals(done.value())) {
      return;
    }
    if (element.adHoc().cancelRemainingInstances() && !adHoc.children().isEmpty()) {
      for (long child : List.copyOf(adHoc.children())) {
        ctx.command(child, ProcessInstanceIntent.TERMINATE_ELEMENT, ctx.state().elementInstances().get(child).value());
      }
    } else if (adHoc.children().isEmpty()) {
      ctx.command(adHoc.key(), ProcessInstanceIntent.COMPLETE_ELEMENT, adHoc.value());
    }
  }

  /** The inner element with this id that may be activated (a flow node of the sub-process, not a boundary event). */
  public static ExecutableElement innerElement(ExecutableElement adHoc, Object id) {
    for (ExecutableElement child : adHoc.children()) {
      if (child.id().equals(id) && child.type() != BpmnElementType.BOUNDARY_EVENT
          && child.type() != BpmnElementType.EVENT_SUB_PROCESS) {
        return child;
      }
    }
    return null;
  }

  private static List<String> activatable(ExecutableElement adHoc) {
    List<String> ids = new ArrayList<>();
    for (ExecutableElement child : adHoc.children()) {
      if (innerElement(adHoc, child.id()) != null) {
        ids.add(child.id());
      }
    }
    return ids;
  }
}
