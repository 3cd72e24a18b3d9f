package io.caseway.engine.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Variables per scope (an element instance key), values as JSON text, and the parent of every
 * scope so lookups and propagation walk outwards the way Zeebe's do.
 */
public final class VariableState {
  /** A stored variable: its record key and JSON value. */
  public record Variable(long key, String value) {}

  private final Map<Long, Map<String, Variable>> byScope = new HashMap<>();
  private final Map<Long, Long> parentScope = new HashMap<>();

  /** The variable visible from scope under this name (the nearest scope outwards), or null. */
  public Variable find(long scopeKey, String name) {
    long scope = scopeKey;
    while (scope > 0) {
      Map<String, Variable> vars = byScope.get(scope);
      if (vars != null) {
        Variable v = vars.get(name);
        if (v != null) {
          return v;
        }
      }
      scope = parentScope.getOrDefault(scope, -1L);
    }
    return null;
  }

  /** The scope that holds the variable visible from scopeKey, or -1. */
  public long scopeOf(long scopeKey, String name) {
    long scope = scopeKey;
    while (scope > 0) {
      Map<String, Variable> vars = byScope.get(scope);
      if (vars != null && vars.containsKey(name)) {
        return scope;
      }
      scope = parentScope.getOrDefault(scope, -1L);
    }
    return -1;
  }

  public Variable local(long scopeKey, String name) {
    Map<String, Variable> vars = byScope.get(scopeKey);
    return vars == null ? null : vars.get(name);
  }

  public Map<String, Variable> locals(long scopeKey) {
    return Collections.unmodifiableMap(byScope.getOrDefault(scopeKey, Map.of()));
  }

  /** Every variable visible from scopeKey, inner scopes shadowing outer ones. */
  public Map<String, String> visible(long scopeKey) {
    Map<String, String> result = new LinkedHashMap<>();
    long scope = scopeKey;
    while (scope > 0) {
      for (Map.Entry<String, Variable> e : byScope.getOrDefault(scope, Map.of()).entrySet()) {
        result.putIfAbsent(e.getKey(), e.getValue().value());
      }
      scope = parentScope.getOrDefault(scope, -1L);
    }
    return result;
  }

  public long parentOf(long scopeKey) {
    return parentScope.getOrDefault(scopeKey, -1L);
  }

  // ---- mutators, for appliers only ----

  void declareScope(long scopeKey, long parentKey) {
    if (parentKey > 0) {
      parentScope.put(scopeKey, parentKey);
    }
  }

  void set(long scopeKey, String name, long key, String value) {
    byScope.computeIfAbsent(scopeKey, k -> new HashMap<>(8)).put(name, new Variable(key, value));
  }

  // ---- snapshot support (StateSnapshotCodec and tests) ----

  Map<Long, Map<String, Variable>> scopeMap() {
    return byScope;
  }

  Map<Long, Long> parentMap() {
    return parentScope;
  }

  void removeScope(long scopeKey) {
    byScope.remove(scopeKey);
    parentScope.remove(scopeKey);
  }

  /** Forgets everything (a purge). */
  void clear() {
    byScope.clear();
    parentScope.clear();
  }
}
