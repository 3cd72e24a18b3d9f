package io.caseway.engine.expression;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.feel.context.JavaFunction;
import org.camunda.feel.context.JavaFunctionProvider;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValDayTimeDuration;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValNumber;
import org.camunda.feel.syntaxtree.ValString;
import org.camunda.feel.syntaxtree.ValYearMonthDuration;

/**
 * FEEL functions the engine adds to the built-ins: {@code cycle(interval)} and {@code
 * cycle(repetitions, interval)}, which build an ISO-8601 repeating interval text for a timer cycle,
 * e.g. {@code cycle(duration("PT1H"))} is {@code "R/PT1H"} and {@code cycle(3, duration("P1D"))} is
 * {@code "R3/P1D"}.
 */
final class FeelFunctions extends JavaFunctionProvider {

  private static final List<JavaFunction> CYCLE =
      List.of(
          new JavaFunction(List.of("interval"), args -> cycle(null, args.get(0))),
          new JavaFunction(
              List.of("repetitions", "interval"), args -> cycle(args.get(0), args.get(1))));

  @Override
  public Optional<JavaFunction> resolveFunction(String name) {
    return "cycle".equals(name) ? Optional.of(CYCLE.get(0)) : Optional.empty();
  }

  @Override
  public List<JavaFunction> resolveFunctions(String name) {
    return "cycle".equals(name) ? CYCLE : List.of();
  }

  @Override
  public Collection<String> getFunctionNames() {
    return List.of("cycle");
  }

  private static Val cycle(Val repetitions, Val interval) {
    String intervalText;
    if (interval instanceof ValDayTimeDuration d) {
      intervalText = Json.formatDuration(d.value());
    } else if (interval instanceof ValYearMonthDuration p) {
      intervalText = Json.formatPeriod(p.value());
    } else {
      return new ValError("expected a duration as the interval of cycle() but found '" + interval + "'");
    }
    if (repetitions == null) {
      return new ValString("R/" + intervalText);
    }
    if (repetitions instanceof ValNumber n && n.value().isValidInt() && n.value().intValue() >= 0) {
      return new ValString("R" + n.value().intValue() + "/" + intervalText);
    }
    return new ValError(
        "expected a non-negative whole number as the repetitions of cycle() but found '"
            + repetitions
            + "'");
  }
}
