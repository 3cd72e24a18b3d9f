package io.caseway.engine.model;

import io.caseway.engine.expression.Expression;

/**
 * An ad-hoc sub-process's characteristics: which inner elements to activate on entry (a list of
 * element ids), and the condition, checked whenever an inner element completes, that completes
 * it early (terminating what still runs inside when {@code cancelRemainingInstances}).
 */
public record AdHoc(Expression activeElementsCollection, Expression completionCondition,
    boolean cancelRemainingInstances) {}
