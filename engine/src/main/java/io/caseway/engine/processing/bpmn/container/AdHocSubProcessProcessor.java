package io.caseway.engine.processing.bpmn.container;

import io.caseway.engine.expression.Json;
import io.caseway.engine.expression.TypedResult;
import io.caseway.engine.model.AdHoc;
import io.caseway.engine.model.BpmnElementType;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.BpmnElementProcessor;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.BpmnVariableBehavior;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.protocol.intent.AdHocSubProcessInstructionIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.AdHocSubProcessInstructionRecord;
import io.caseway.engine.protocol.value.JobResult;
import io.caseway.engine.state.ElementInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ad-hoc sub-process. On entry it sets {@value AdHoc#ELEMENTS_VARIABLE} (and an empty output
 * collection) as local variables. Run by the engine, it activates the inner elements that its
 * active elements collection names (none: it waits, and the activation API starts elements later),
 * and completes when nothing runs inside any more, or earlier when its completion condition holds
 * after an inner element completed (then what still runs is terminated if
 * {@code cancelRemainingInstances}). Run by a job worker, it creates a job on entry and again
 * whenever an inner flow completes (one job at a time: a newer one replaces an older one); the job's
 * result activates elements or fulfils the completion condition, and only then does it complete.
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
    AdHoc adHoc = element.adHoc();
    List<ExecutableElement> toActivate = new ArrayList<>();
    if (adHoc.activeElementsCollection() != null) {
      Failure failure = activeElements(ctx, element, instance, toActivate);
      if (failure != null) {
        return failure;
      }
    }
    io.caseway.engine.protocol.value.JobRecord job = null;
    if (adHoc.jobWorker()) {
      TypedResult<io.caseway.engine.protocol.value.JobRecord> prepared = b.jobs().prepareJob(ctx, element, instance);
      if (prepared.isFailure()) {
        return new Failure(Failure.EXTRACT_VALUE_ERROR, prepared.failure());
      }
      job = prepared.value();
    }
    Failure failure = b.events().subscribe(ctx, element, instance);
    if (failure != null) {
      return failure;
    }
    Map<String, String> locals = new LinkedHashMap<>();
    locals.put(AdHoc.ELEMENTS_VARIABLE, adHoc.elementsVariable());
    if (adHoc.outputCollection() != null) {
      locals.put(adHoc.outputCollection(), "[]");
    }
    b.variables().setLocal(ctx, instance.key(), instance.value(), locals);
    lifecycle.activated(ctx, instance);
    if (job != null) {
      b.jobs().writeJob(ctx, job);
    }
    activate(ctx, instance, toActivate, List.of());
    return null;
  }

  private Failure activeElements(ProcessingContext ctx, ExecutableElement element, ElementInstance instance,
      List<ExecutableElement> toActivate) {
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
    return null;
  }

  /** Activates inner elements, each with its own local variables (none when the list is shorter). */
  public void activate(ProcessingContext ctx, ElementInstance adHoc, List<ExecutableElement> inner,
      List<Map<String, String>> variables) {
    for (int i = 0; i < inner.size(); i++) {
      long childKey = b.state().activateChild(ctx, adHoc, inner.get(i));
      if (i < variables.size() && !variables.get(i).isEmpty()) {
        b.variables().setLocal(ctx, childKey, ctx.state().elementInstances().get(childKey).value(), variables.get(i));
      }
    }
  }

  /**
   * Checks the result a worker gives for the job of an ad-hoc sub-process before anything is
   * written; a rejection names what was wrong.
   */
  public void validateJobResult(ExecutableElement element, JobResult result) {
    if (result == null) {
      return;
    }
    if (!JobResult.AD_HOC_SUB_PROCESS.equals(result.type())) {
      throw Rejection.invalidArgument("Expected the result of the job of ad-hoc sub-process '" + element.id()
          + "' to have the type '" + JobResult.AD_HOC_SUB_PROCESS + "', but it had '" + result.type() + "'");
    }
    if (result.completionConditionFulfilled() && !result.activateElements().isEmpty()) {
      throw Rejection.invalidArgument("Expected the job of ad-hoc sub-process '" + element.id()
          + "' either to activate elements or to fulfil its completion condition, but the result did both");
    }
    for (JobResult.ActivateElement e : result.activateElements()) {
      if (innerElement(element, e.elementId()) == null) {
        throw Rejection.invalidArgument("Expected to activate inner elements of ad-hoc sub-process '" + element.id()
            + "', but '" + e.elementId() + "' is not one of " + activatable(element));
      }
      BpmnVariableBehavior.requireDocument(e.variables());
    }
  }

  /** The worker of an ad-hoc sub-process completed its job (the result is valid): do what it says. */
  public void jobCompleted(ProcessingContext ctx, ElementInstance adHoc, ExecutableElement element, JobResult result) {
    if (result == null) {
      return; // nothing to activate and not done: it waits for the next inner flow, or for the activation API
    }
    if (result.completionConditionFulfilled()) {
      ctx.event(ctx.newKey(), AdHocSubProcessInstructionIntent.COMPLETED, new AdHocSubProcessInstructionRecord(
          adHoc.key(), List.of(), result.cancelRemainingInstances(), adHoc.value().tenantId()));
      completeOrCancelRemaining(ctx, adHoc, result.cancelRemainingInstances());
      return;
    }
    List<ExecutableElement> inner = new ArrayList<>();
    List<Map<String, String>> variables = new ArrayList<>();
    for (JobResult.ActivateElement e : result.activateElements()) {
      inner.add(innerElement(element, e.elementId()));
      variables.add(BpmnVariableBehavior.requireDocument(e.variables()));
    }
    activate(ctx, adHoc, inner, variables);
  }

  /**
   * After an inner element completed: a completed flow adds its output to the output collection
   * and, with a job worker, asks the worker again; the engine's own completion condition may complete
   * the ad-hoc sub-process early.
   */
  public void afterInnerCompleted(ProcessingContext ctx, ElementInstance adHoc, ExecutableElement element,
      boolean flowCompleted) {
    if (adHoc.state() != ProcessInstanceIntent.ELEMENT_ACTIVATED) {
      return;
    }
    AdHoc characteristics = element.adHoc();
    if (flowCompleted && characteristics.outputCollection() != null && !collectOutput(ctx, adHoc, element)) {
      return;
    }
    if (characteristics.jobWorker()) {
      if (flowCompleted && !adHoc.adHocCompletionFulfilled()) {
        b.jobs().cancelJob(ctx, adHoc); // the worker decides again, with what this flow brought
        var job = b.jobs().prepareJob(ctx, element, adHoc);
        if (job.isFailure()) {
          b.incidents().raise(ctx, adHoc, new Failure(Failure.EXTRACT_VALUE_ERROR, job.failure()));
          return;
        }
        b.jobs().writeJob(ctx, job.value());
      }
      return;
    }
    if (characteristics.completionCondition() == null) {
      return;
    }
    TypedResult<Boolean> done = b.expressions().evaluateBoolean(characteristics.completionCondition(),
        b.variables().lookup(ctx, adHoc.key()));
    if (done.isFailure()) {
      b.incidents().raise(ctx, adHoc, new Failure(Failure.EXTRACT_VALUE_ERROR,
          "Failed to evaluate the completion condition of '" + element.id() + "': " + done.failure()));
      return;
    }
    if (Boolean.TRUE.equals(done.value())) {
      completeOrCancelRemaining(ctx, adHoc, characteristics.cancelRemainingInstances());
    }
  }

  private void completeOrCancelRemaining(ProcessingContext ctx, ElementInstance adHoc, boolean cancelRemaining) {
    if (cancelRemaining && !adHoc.children().isEmpty()) {
      for (long child : List.copyOf(adHoc.children())) {
        ctx.command(child, ProcessInstanceIntent.TERMINATE_ELEMENT, ctx.state().elementInstances().get(child).value());
      }
    } else if (adHoc.children().isEmpty()) {
      ctx.command(adHoc.key(), ProcessInstanceIntent.COMPLETE_ELEMENT, adHoc.value());
    }
  }

  /** Appends the output element's value to the output collection; false (and an incident) if it cannot be evaluated. */
  private boolean collectOutput(ProcessingContext ctx, ElementInstance adHoc, ExecutableElement element) {
    String name = element.adHoc().outputCollection();
    TypedResult<String> output = b.expressions().evaluateToJson(element.adHoc().outputElement(),
        b.variables().lookup(ctx, adHoc.key()));
    if (output.isFailure()) {
      b.incidents().raise(ctx, adHoc, new Failure(Failure.EXTRACT_VALUE_ERROR,
          "Failed to evaluate the output element of '" + element.id() + "': " + output.failure()));
      return false;
    }
    String current = b.variables().locals(ctx, adHoc.key()).get(name);
    List<Object> collected = new ArrayList<>(current == null ? List.of() : (List<?>) Json.fromJson(current));
    collected.add(Json.fromJson(output.value()));
    b.variables().setLocal(ctx, adHoc.key(), adHoc.value(), name, Json.toJson(collected));
    return true;
  }

  /** On completion: the output collection goes to the parent scope. */
  public void passOutputCollection(ProcessingContext ctx, ElementInstance adHoc, ExecutableElement element) {
    b.variables().passCollectionToParent(ctx, adHoc, element.adHoc().outputCollection());
  }

  /** Whether it may complete now that nothing runs inside: with a job worker only once the worker said so. */
  public static boolean mayCompleteWhenEmpty(ExecutableElement element, ElementInstance adHoc) {
    return !element.adHoc().jobWorker() || adHoc.adHocCompletionFulfilled();
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
