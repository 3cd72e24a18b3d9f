package io.caseway.engine.model;

import io.caseway.engine.expression.Expression;

/**
 * The multi-instance characteristics of an activity: one inner instance per item of the input
 * collection, in parallel or one after another; each sees its item as {@code inputElement} and its
 * position as {@code loopCounter}; {@code outputElement} of each is collected, in order, into
 * {@code outputCollection}; a true {@code completionCondition} ends the rest early.
 */
public record MultiInstance(boolean sequential, Expression inputCollection, String inputElement,
    String outputCollection, Expression outputElement, Expression completionCondition) {}
