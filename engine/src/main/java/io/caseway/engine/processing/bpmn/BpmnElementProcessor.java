package io.caseway.engine.processing.bpmn;

import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.state.ElementInstance;

/** The behaviour of one kind of BPMN element within the generic lifecycle of {@link BpmnElementLifecycle}. */
public interface BpmnElementProcessor {

  /**
   * The element is ACTIVATING and its input mappings are applied. Do the element's work, then
   * either complete it at once or write ACTIVATED and wait. A failure becomes an incident and
   * nothing the processor wrote before returning it may remain (evaluate first, then write).
   */
  Failure onActivate(ExecutableElement element, ElementInstance instance, ProcessingContext ctx);

  /** Releases what the element holds (a job, a user task) when it is terminated. */
  default void onTerminate(ExecutableElement element, ElementInstance instance, ProcessingContext ctx) {}
}
