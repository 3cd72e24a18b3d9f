package io.caseway.engine.processing.bpmn.container;

import io.caseway.engine.expression.Json;
import io.caseway.engine.expression.TypedResult;
import io.caseway.engine.expression.VariableLookup;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.model.MultiInstance;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.BpmnElementProcessor;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.state.ElementInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a multi-instance activity. On activation it reads the input collection and starts
 * one inner instance per item (all at once, or one after another), each with its item as the
 * input element and its position as {@code loopCounter}. The body keeps {@code numberOfInstances},
 * {@code numberOfActiveInstances} and {@code numberOfCompletedInstances}, and the output collection
 * in item order. A true completion condition after an inner instance completes terminates the
 * others; the body completes when no inner instance is left, and passes the output collection on.
 */
public final class MultiInstanceBodyProcessor implements BpmnElementProcessor {
  private final BpmnBehaviors b;
  private final BpmnElementLifecycle lifecycle;

  public MultiInstanceBodyProcessor(BpmnBehaviors b, BpmnElementLifecycle lifecycle) {
    this.b = b;
    this.lifecycle = lifecycle;
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance body, ProcessingContext ctx) {
    Failure failure = b.events().subscribe(ctx, element, body);
    if (failure != null) {
      return failure;
    }
    MultiInstance mi = element.multiInstance();
    TypedResult<List<Object>> items = items(ctx, element, body);
    if (items.isFailure()) {
      return new Failure(Failure.EXTRACT_VALUE_ERROR, items.failure());
    }
    int n = items.value().size();
    Map<String, String> locals = new LinkedHashMap<>();
    locals.put("numberOfInstances", Json.toJson(n));
    locals.put("numberOfActiveInstances", Json.toJson(mi.sequential() ? Math.min(1, n) : n));
    locals.put("numberOfCompletedInstances", Json.toJson(0));
    locals.put("numberOfTerminatedInstances", Json.toJson(0));
    if (mi.outputCollection() != null) {
      List<Object> empty = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        empty.add(null);
      }
      locals.put(mi.outputCollection(), Json.toJson(empty));
    }
    b.variables().setLocal(ctx, body.key(), body.value(), locals);
    lifecycle.activated(ctx, body);
    if (n == 0) {
      lifecycle.complete(ctx, body, element, element.outgoing());
      return null;
    }
    for (int i = 0; i < (mi.sequential() ? 1 : n); i++) {
      activateInner(ctx, body, element, items.value(), i);
    }
    return null;
  }

  /**
   * Before an inner instance completes (its variables still there): collects its output element,
   * counts it, and evaluates the completion condition in its scope. Returns whether the condition
   * holds, or a failure for an incident on the inner instance.
   */
  public TypedResult<Boolean> beforeInnerCompletes(ProcessingContext ctx, ElementInstance body, ElementInstance inner,
      ExecutableElement element) {
    MultiInstance mi = element.multiInstance();
    VariableLookup innerVars = b.variables().lookup(ctx, inner.key());
    Map<String, String> bodyVars = b.variables().locals(ctx, body.key());
    Map<String, String> changes = new LinkedHashMap<>();
    if (mi.outputCollection() != null) {
      Object value = null;
      if (mi.outputElement() != null) {
        TypedResult<String> out = b.expressions().evaluateToJson(mi.outputElement(), innerVars);
        if (out.isFailure()) {
          return TypedResult.fail("Failed to evaluate the output element of '" + element.id() + "': " + out.failure());
        }
        value = Json.fromJson(out.value());
      }
      int index = loopCounter(ctx, inner) - 1;
      Object collected = Json.fromJson(bodyVars.getOrDefault(mi.outputCollection(), "[]"));
      List<Object> list = collected instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
      while (list.size() <= index) {
        list.add(null);
      }
      list.set(index, value);
      changes.put(mi.outputCollection(), Json.toJson(list));
    }
    changes.put("numberOfCompletedInstances", Json.toJson(number(bodyVars, "numberOfCompletedInstances") + 1));
    changes.put("numberOfActiveInstances", Json.toJson(Math.max(0, number(bodyVars, "numberOfActiveInstances") - 1)));
    b.variables().setLocal(ctx, body.key(), body.value(), changes);
    if (mi.completionCondition() == null) {
      return TypedResult.ok(false);
    }
    TypedResult<Boolean> done = b.expressions().evaluateBoolean(mi.completionCondition(),
        b.variables().lookup(ctx, inner.key()));
    return done.isFailure()
        ? TypedResult.fail("Failed to evaluate the completion condition of '" + element.id() + "': " + done.failure())
        : done;
  }

  /** After an inner instance completed: ends the others, or starts the next one, then lets the body complete when empty. */
  public void afterInnerCompleted(ProcessingContext ctx, ElementInstance body, ExecutableElement element,
      int loopCounter, boolean completionConditionMet) {
    if (completionConditionMet) {
      Map<String, String> counts = new LinkedHashMap<>();
      counts.put("numberOfTerminatedInstances", Json.toJson(body.children().size()));
      counts.put("numberOfActiveInstances", Json.toJson(0));
      b.variables().setLocal(ctx, body.key(), body.value(), counts);
      for (long child : List.copyOf(body.children())) {
        ElementInstance c = ctx.state().elementInstances().get(child);
        ctx.command(child, ProcessInstanceIntent.TERMINATE_ELEMENT, c.value());
      }
    } else if (element.multiInstance().sequential()) {
      TypedResult<List<Object>> items = items(ctx, element, body);
      if (items.isFailure()) {
        b.incidents().raise(ctx, body, new Failure(Failure.EXTRACT_VALUE_ERROR, items.failure()));
        return;
      }
      if (loopCounter < items.value().size()) {
        b.variables().setLocal(ctx, body.key(), body.value(), Map.of("numberOfActiveInstances", Json.toJson(1)));
        activateInner(ctx, body, element, items.value(), loopCounter);
        return;
      }
    }
    b.state().afterChildLeft(ctx, body.key());
  }

  /** The output collection, passed to the body's flow scope as the body completes. */
  public void passOutputCollection(ProcessingContext ctx, ElementInstance body, ExecutableElement element) {
    b.variables().passCollectionToParent(ctx, body, element.multiInstance().outputCollection());
  }

  public int loopCounter(ProcessingContext ctx, ElementInstance inner) {
    String json = b.variables().locals(ctx, inner.key()).get("loopCounter");
    return json == null ? 1 : ((Number) Json.fromJson(json)).intValue();
  }

  private void activateInner(ProcessingContext ctx, ElementInstance body, ExecutableElement element, List<Object> items,
      int index) {
    long key = b.state().activateInner(ctx, body, element);
    ElementInstance inner = ctx.state().elementInstances().get(key);
    Map<String, String> locals = new LinkedHashMap<>();
    if (element.multiInstance().inputElement() != null) {
      locals.put(element.multiInstance().inputElement(), Json.toJson(items.get(index)));
    }
    locals.put("loopCounter", Json.toJson(index + 1));
    String collected = outputVariable(element.multiInstance());
    if (collected != null && !locals.containsKey(collected)) {
      // so that what a job or child sets under that name stays with this inner instance, not its siblings
      locals.put(collected, "null");
    }
    b.variables().setLocal(ctx, key, inner.value(), locals);
  }

  @SuppressWarnings("unchecked")
  private TypedResult<List<Object>> items(ProcessingContext ctx, ExecutableElement element, ElementInstance body) {
    TypedResult<String> json = b.expressions().evaluateToJson(element.multiInstance().inputCollection(),
        b.variables().lookup(ctx, body.key()));
    if (json.isFailure()) {
      return TypedResult.fail("Failed to evaluate the input collection of '" + element.id() + "': " + json.failure());
    }
    Object value = Json.fromJson(json.value());
    if (!(value instanceof List<?> list)) {
      return TypedResult.fail("Expected the input collection of '" + element.id() + "' to be a list, but it was "
          + json.value());
    }
    return TypedResult.ok((List<Object>) list);
  }

  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("=?\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*");

  /** The variable an output element reads, when it is just a variable name ({@code =result}). */
  private static String outputVariable(MultiInstance mi) {
    if (mi.outputElement() == null || mi.outputCollection() == null) {
      return null;
    }
    java.util.regex.Matcher m = NAME.matcher(mi.outputElement().source());
    return m.matches() ? m.group(1) : null;
  }

  private static int number(Map<String, String> vars, String name) {
    String json = vars.get(name);
    Object value = json == null ? null : Json.fromJson(json);
    return value instanceof Number num ? num.intValue() : 0;
  }
}
