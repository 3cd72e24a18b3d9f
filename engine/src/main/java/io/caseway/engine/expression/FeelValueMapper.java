package io.caseway.engine.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.feel.impl.JavaValueMapper;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValContext;
import org.camunda.feel.syntaxtree.ValList;
import org.camunda.feel.syntaxtree.ValNumber;
import org.camunda.feel.syntaxtree.ValTime;
import org.camunda.feel.valuemapper.CustomValueMapper;
import org.camunda.feel.valuemapper.JavaCustomValueMapper;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * Unpacks FEEL results into plain Java values: contexts become insertion-ordered {@code
 * LinkedHashMap}s, lists {@code ArrayList}s, whole numbers {@code Long} (or {@code BigInteger}),
 * fractions {@code Double}, times {@code OffsetTime}. Everything else (strings, booleans, dates,
 * date-times, durations) is left to FEEL's Java value mapper. Values going into FEEL are mapped by
 * FEEL's Java value mapper unchanged.
 */
final class FeelValueMapper extends JavaCustomValueMapper {

  static ValueMapper composite() {
    List<CustomValueMapper> mappers = List.of(new FeelValueMapper(), new JavaValueMapper());
    return new ValueMapper.CompositeValueMapper(
        scala.jdk.javaapi.CollectionConverters.asScala(mappers).toList());
  }

  @Override
  public int priority() {
    return 100;
  }

  @Override
  public Optional<Val> toValue(Object value, Function<Object, Val> innerValueMapper) {
    return Optional.empty();
  }

  @Override
  public Optional<Object> unpackValue(Val value, Function<Val, Object> innerValueMapper) {
    if (value instanceof ValNumber number) {
      return Optional.of(Json.normalizeNumber(number.value().bigDecimal()));
    }
    if (value instanceof ValList list) {
      List<Object> items = new ArrayList<>();
      list.items().foreach(item -> items.add(innerValueMapper.apply(item)));
      return Optional.of(items);
    }
    if (value instanceof ValContext context) {
      Map<String, Object> entries = new LinkedHashMap<>();
      context
          .context()
          .variableProvider()
          .getVariables()
          .foreach(
              entry -> {
                Object v = entry._2();
                entries.put(
                    entry._1(), v instanceof Val val ? innerValueMapper.apply(val) : Json.toPlain(v));
                return null;
              });
      return Optional.of(entries);
    }
    if (value instanceof ValTime time) {
      return Optional.of(time.value().toOffsetTime());
    }
    return Optional.empty();
  }
}
