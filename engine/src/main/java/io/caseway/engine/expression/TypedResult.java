package io.caseway.engine.expression;

import java.util.Optional;

/**
 * A value of an expected type, or a failure message naming the expression. Used by the typed
 * helpers of {@link ExpressionLanguage} and by {@link TimerDefinitions}; never thrown.
 */
public record TypedResult<T>(T value, String failure) {

  public static <T> TypedResult<T> ok(T value) {
    return new TypedResult<>(value, null);
  }

  public static <T> TypedResult<T> fail(String failure) {
    return new TypedResult<>(null, failure);
  }

  public boolean isFailure() {
    return failure != null;
  }

  public boolean isSuccess() {
    return failure == null;
  }

  /** The value if successful (it may still be null for types that allow it). */
  public Optional<T> toOptional() {
    return isSuccess() ? Optional.ofNullable(value) : Optional.empty();
  }

  /** The value, or an {@link IllegalStateException} with the failure message. */
  public T orElseThrow() {
    if (isFailure()) {
      throw new IllegalStateException(failure);
    }
    return value;
  }
}
