package io.caseway.engine.expression;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Supplies variables to an expression evaluation, one name at a time: the expression language asks
 * only for the names an expression references, and parses only their JSON.
 */
@FunctionalInterface
public interface VariableLookup {

  /** JSON text of the variable visible under this name, or null if none. */
  String json(String name);

  /**
   * Names of all visible variables. Only needed by the rare FEEL constructs that enumerate the whole
   * context; the default (no names) is fine for an engine scope lookup.
   */
  default Collection<String> names() {
    return List.of();
  }

  /** A lookup without any variables. */
  static VariableLookup empty() {
    return name -> null;
  }

  /** A lookup over a map of variable name to JSON text. */
  static VariableLookup ofJson(Map<String, String> jsonByName) {
    return new VariableLookup() {
      @Override
      public String json(String name) {
        return jsonByName.get(name);
      }

      @Override
      public Collection<String> names() {
        return jsonByName.keySet();
      }
    };
  }

  /** A lookup over plain Java values, serialised with {@link Json#toJson(Object)} on demand. */
  static VariableLookup ofValues(Map<String, ?> values) {
    return new VariableLookup() {
      @Override
      public String json(String name) {
        return values.containsKey(name) ? Json.toJson(values.get(name)) : null;
      }

      @Override
      public Collection<String> names() {
        return values.keySet();
      }
    };
  }
}
