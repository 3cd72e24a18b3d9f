package io.caseway.engine.model;

import io.caseway.engine.expression.Expression;

/**
 * An ad-hoc sub-process's characteristics: which inner elements to activate on entry (a list of
 * element ids), and the condition, checked whenever an inner element completes, that completes
 * it early (terminating what still runs inside when {@code cancelRemainingInstances}). With a job
 * worker (a task definition on the sub-process) the worker decides both instead. Whenever an inner
 * flow completes, {@code outputElement} is evaluated and appended to the local list variable
 * {@code outputCollection}, which the sub-process passes to its parent scope when it completes.
 * {@code elementsVariable} is the JSON list set as {@link #ELEMENTS_VARIABLE} on activation: id, name,
 * documentation and properties of each inner element that starts a flow.
 */
public record AdHoc(Expression activeElementsCollection, Expression completionCondition,
    boolean cancelRemainingInstances, String outputCollection, Expression outputElement, boolean jobWorker,
    String elementsVariable) {

  /** The local variable that describes the activatable inner elements to workers and people. */
  public static final String ELEMENTS_VARIABLE = "adHocSubProcessElements";
}
