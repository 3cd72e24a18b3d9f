package io.caseway.app.task;

import io.caseway.app.task.TaskForm.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

/**
 * Evaluates a form component's {@code conditional.hide} FEEL expression against the form's data,
 * as Tasklist does. A condition that does not parse or does not yield {@code true} leaves the
 * component shown: a broken condition must never hide a question.
 */
@Component
public class FormConditions {
  private static final int MAX_CACHED = 512;

  private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();
  private final Map<String, ParsedExpression> parsed = new ConcurrentHashMap<>();

  /** Whether the component is hidden for these values. */
  public boolean hidden(Field field, Map<String, Object> data) {
    if (field.hide() == null) {
      return false;
    }
    ParsedExpression expression = parsed.get(field.hide());
    if (expression == null) {
      ParseResult result = feel.parseExpression(field.hide());
      if (result.isFailure()) {
        return false;
      }
      expression = result.parsedExpression();
      if (parsed.size() >= MAX_CACHED) {
        parsed.clear();
      }
      parsed.put(field.hide(), expression);
    }
    var result = feel.evaluate(expression, new java.util.HashMap<>(data));
    return result.isSuccess() && Boolean.TRUE.equals(result.result());
  }
}
