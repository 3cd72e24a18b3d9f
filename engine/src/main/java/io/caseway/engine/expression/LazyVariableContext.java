package io.caseway.engine.expression;

import java.util.HashMap;
import java.util.Map;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import scala.Option;
import scala.Some;

/**
 * A FEEL context that fetches and parses a variable's JSON only when the expression references it,
 * at most once per evaluation. Not thread-safe: one instance per evaluation.
 */
final class LazyVariableContext extends CustomContext {

  private static final Object ABSENT = new Object();

  private final VariableLookup lookup;
  private final Map<String, Object> resolved = new HashMap<>();
  private String invalidVariable;
  private String invalidReason;

  LazyVariableContext(VariableLookup lookup) {
    this.lookup = lookup;
  }

  private final VariableProvider provider =
      new VariableProvider() {
        @Override
        public Option<Object> getVariable(String name) {
          Object value = resolved.computeIfAbsent(name, LazyVariableContext.this::resolve);
          if (value == ABSENT) {
            return Option.empty();
          }
          return new Some<>(value == NullValue.INSTANCE ? null : value);
        }

        @Override
        public scala.collection.Iterable<String> keys() {
          return scala.jdk.javaapi.CollectionConverters.asScala(lookup.names());
        }
      };

  private Object resolve(String name) {
    String json = lookup.json(name);
    if (json == null) {
      return ABSENT;
    }
    try {
      Object value = Json.fromJson(json);
      return value == null ? NullValue.INSTANCE : value;
    } catch (IllegalArgumentException e) {
      if (invalidVariable == null) {
        invalidVariable = name;
        invalidReason = e.getMessage();
      }
      return ABSENT;
    }
  }

  @Override
  public VariableProvider variableProvider() {
    return provider;
  }

  /** Name of the first referenced variable whose JSON could not be parsed, or null. */
  String invalidVariable() {
    return invalidVariable;
  }

  String invalidReason() {
    return invalidReason;
  }

  /** HashMap.computeIfAbsent cannot store null, so JSON null is stored as this marker. */
  enum NullValue {
    INSTANCE
  }
}
