package io.caseway.engine.expression;

import java.util.Objects;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * A parsed Zeebe expression attribute: either a FEEL expression (the text starts with {@code =}) or
 * a static string value. Immutable and thread-safe; create it with {@link
 * ExpressionLanguage#parse(String)}.
 */
public final class Expression {

  private final String source;
  private final String feelText;
  private final ParsedExpression parsed;
  private final String failure;

  private Expression(String source, String feelText, ParsedExpression parsed, String failure) {
    this.source = source;
    this.feelText = feelText;
    this.parsed = parsed;
    this.failure = failure;
  }

  static Expression staticValue(String source) {
    return new Expression(source, null, null, null);
  }

  static Expression feel(String source, String feelText, ParsedExpression parsed) {
    return new Expression(source, feelText, Objects.requireNonNull(parsed), null);
  }

  static Expression invalid(String source, String feelText, String failure) {
    return new Expression(source, feelText, null, failure);
  }

  /** The attribute text as written, e.g. {@code "=x > 1"} or {@code "payment-service"}. */
  public String source() {
    return source;
  }

  /** True for a static value (no leading {@code =}); its value is the source text itself. */
  public boolean isStatic() {
    return feelText == null;
  }

  /** The parse failure message, or null if the expression is valid. */
  public String failure() {
    return failure;
  }

  /** True if the expression parsed (always true for static values). */
  public boolean isValid() {
    return failure == null;
  }

  /**
   * The expression as quoted in messages: the FEEL text without the leading {@code =}, or the static
   * value.
   */
  public String expressionText() {
    return feelText != null ? feelText : source;
  }

  /** The static value, or null for a FEEL expression. */
  public String staticValue() {
    return isStatic() ? source : null;
  }

  ParsedExpression parsed() {
    return parsed;
  }

  @Override
  public String toString() {
    return source;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Expression other && Objects.equals(source, other.source);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(source);
  }
}
