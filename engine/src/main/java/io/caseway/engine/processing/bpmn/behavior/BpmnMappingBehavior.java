package io.caseway.engine.processing.bpmn.behavior;

import io.caseway.engine.expression.ExpressionLanguage;
import io.caseway.engine.expression.Json;
import io.caseway.engine.expression.TypedResult;
import io.caseway.engine.expression.VariableLookup;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.model.Mapping;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.state.ElementInstance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * zeebe:input and zeebe:output mappings. Inputs become local variables of the element instance;
 * outputs are evaluated in the element instance and propagated to its flow scope. A target may be
 * a path ({@code a.b.c}); mappings apply in order and may read what earlier ones produced.
 */
public final class BpmnMappingBehavior {
  private final ExpressionLanguage el;
  private final BpmnVariableBehavior variables;

  public BpmnMappingBehavior(ExpressionLanguage el, BpmnVariableBehavior variables) {
    this.el = el;
    this.variables = variables;
  }

  /** Applies input mappings; returns a failure instead of writing anything if one fails. */
  public Failure applyInputs(ProcessingContext ctx, ExecutableElement element, ElementInstance instance) {
    if (element.inputs().isEmpty()) {
      return null;
    }
    VariableLookup scope = variables.lookup(ctx, instance.value().flowScopeKey());
    Map<String, Object> result = new LinkedHashMap<>();
    Failure failure = evaluate(element, element.inputs(), scope, result, "input");
    if (failure != null) {
      return failure;
    }
    Map<String, String> json = new LinkedHashMap<>();
    result.forEach((k, v) -> json.put(k, Json.toJson(v)));
    variables.setLocal(ctx, instance.key(), instance.value(), json);
    return null;
  }

  /** Applies output mappings, if any; returns a failure instead of writing anything if one fails. */
  public Failure applyOutputs(ProcessingContext ctx, ExecutableElement element, ElementInstance instance) {
    if (element.outputs().isEmpty()) {
      return null;
    }
    VariableLookup scope = variables.lookup(ctx, instance.key());
    Map<String, Object> result = new LinkedHashMap<>();
    for (Mapping m : element.outputs()) {
      String root = rootName(m.target());
      if (!result.containsKey(root) && m.target().contains(".")) {
        String existing = scope.json(root);
        Object value = existing == null ? null : Json.fromJson(existing);
        if (value instanceof Map<?, ?>) {
          result.put(root, value);
        }
      }
    }
    Failure failure = evaluate(element, element.outputs(), scope, result, "output");
    if (failure != null) {
      return failure;
    }
    Map<String, String> json = new LinkedHashMap<>();
    result.forEach((k, v) -> json.put(k, Json.toJson(v)));
    variables.propagate(ctx, instance.value().flowScopeKey(), instance.value(), json);
    return null;
  }

  private Failure evaluate(ExecutableElement element, List<Mapping> mappings, VariableLookup scope,
      Map<String, Object> result, String kind) {
    VariableLookup lookup = name -> result.containsKey(name) ? Json.toJson(result.get(name)) : scope.json(name);
    for (Mapping m : mappings) {
      TypedResult<String> value = el.evaluateToJson(m.source(), lookup);
      if (value.isFailure()) {
        return new Failure(Failure.IO_MAPPING_ERROR, "Failed to evaluate the " + kind + " mapping of '"
            + element.id() + "' to '" + m.target() + "': " + value.failure());
      }
      put(result, m.target(), Json.fromJson(value.value()));
    }
    return null;
  }

  private static String rootName(String target) {
    int dot = target.indexOf('.');
    return dot < 0 ? target : target.substring(0, dot);
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> result, String target, Object value) {
    String[] path = target.split("\\.");
    Map<String, Object> current = result;
    for (int i = 0; i < path.length - 1; i++) {
      Object next = current.get(path[i]);
      if (!(next instanceof Map<?, ?>)) {
        next = new LinkedHashMap<String, Object>();
        current.put(path[i], next);
      } else {
        next = new LinkedHashMap<>((Map<String, Object>) next);
        current.put(path[i], next);
      }
      current = (Map<String, Object>) next;
    }
    current.put(path[path.length - 1], value);
  }
}
