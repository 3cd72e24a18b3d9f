package io.caseway.engine.processing.bpmn.behavior;

import io.caseway.engine.expression.Json;
import io.caseway.engine.expression.VariableLookup;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.protocol.intent.VariableIntent;
import io.caseway.engine.protocol.value.ProcessInstanceRecord;
import io.caseway.engine.protocol.value.VariableRecord;
import io.caseway.engine.state.ElementInstance;
import io.caseway.engine.state.VariableState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sets variables the way Zeebe does: locally on a scope, or propagated (each variable goes to the
 * nearest scope outwards that already has it, otherwise to the process instance).
 */
public final class BpmnVariableBehavior {

  /** Variables visible from a scope, for expressions. */
  public VariableLookup lookup(ProcessingContext ctx, long scopeKey) {
    VariableState vars = ctx.state().variables();
    return name -> {
      VariableState.Variable v = vars.find(scopeKey, name);
      return v == null ? null : v.value();
    };
  }

  /** The variables held by this scope itself (name → JSON). */
  public Map<String, String> locals(ProcessingContext ctx, long scopeKey) {
    Map<String, String> result = new LinkedHashMap<>();
    ctx.state().variables().locals(scopeKey).forEach((name, v) -> result.put(name, v.value()));
    return result;
  }

  public void setLocal(ProcessingContext ctx, long scopeKey, ProcessInstanceRecord pi, String name, String json) {
    VariableState.Variable existing = ctx.state().variables().local(scopeKey, name);
    if (existing == null) {
      ctx.event(ctx.newKey(), VariableIntent.CREATED, record(pi, scopeKey, name, json));
    } else if (!existing.value().equals(json)) {
      ctx.event(existing.key(), VariableIntent.UPDATED, record(pi, scopeKey, name, json));
    }
  }

  public void setLocal(ProcessingContext ctx, long scopeKey, ProcessInstanceRecord pi, Map<String, String> vars) {
    vars.forEach((name, json) -> setLocal(ctx, scopeKey, pi, name, json));
  }

  /** Sets each variable at the nearest scope from {@code startScopeKey} outwards that has it, else the root. */
  public void propagate(ProcessingContext ctx, long startScopeKey, ProcessInstanceRecord pi, Map<String, String> vars) {
    VariableState state = ctx.state().variables();
    vars.forEach((name, json) -> {
      long scope = state.scopeOf(startScopeKey, name);
      setLocal(ctx, scope > 0 ? scope : pi.processInstanceKey(), pi, name, json);
    });
  }

  private static VariableRecord record(ProcessInstanceRecord pi, long scopeKey, String name, String json) {
    return new VariableRecord(name, json, scopeKey, pi.processInstanceKey(), pi.processDefinitionKey(),
        pi.bpmnProcessId(), pi.tenantId());
  }

  /**
   * Splits a JSON object document into variables (name → JSON text of the value). Throws
   * IllegalArgumentException naming the problem when the document is not a JSON object.
   */
  /**
   * A container completes with an output collection (multi-instance body, ad-hoc sub-process): its
   * local list {@code name} goes to the scope around it (an empty list if it never got one).
   */
  public void passCollectionToParent(ProcessingContext ctx, ElementInstance container, String name) {
    if (name == null) {
      return;
    }
    String value = locals(ctx, container.key()).get(name);
    propagate(ctx, container.value().flowScopeKey(), container.value(), Map.of(name, value == null ? "[]" : value));
  }

  public static Map<String, String> parseDocument(String document) {
    if (document == null || document.isBlank()) {
      return Map.of();
    }
    Object parsed;
    try {
      parsed = Json.fromJson(document);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Expected variables to be a JSON document, but it could not be parsed: "
          + e.getMessage());
    }
    if (parsed == null) {
      return Map.of();
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("Expected variables to be a JSON object like {\"name\": value}, but was '"
          + abbreviate(document) + "'");
    }
    Map<String, String> result = new LinkedHashMap<>();
    map.forEach((k, v) -> result.put(String.valueOf(k), Json.toJson(v)));
    return result;
  }

  /** Like {@link #parseDocument}, but refuses the command (INVALID_ARGUMENT) when the document is not an object. */
  public static Map<String, String> requireDocument(String document) {
    try {
      return parseDocument(document);
    } catch (IllegalArgumentException e) {
      throw io.caseway.engine.processing.Rejection.invalidArgument(e.getMessage());
    }
  }

  /** Builds a JSON object document from variables, optionally keeping only some names. */
  public static String document(Map<String, String> vars, java.util.Collection<String> only) {
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, String> e : vars.entrySet()) {
      if (only != null && !only.isEmpty() && !only.contains(e.getKey())) {
        continue;
      }
      if (!first) sb.append(',');
      first = false;
      sb.append(Json.toJson(e.getKey())).append(':').append(e.getValue());
    }
    return sb.append('}').toString();
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
