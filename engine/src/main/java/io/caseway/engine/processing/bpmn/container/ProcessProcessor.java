package io.caseway.engine.processing.bpmn.container;

import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.BpmnElementProcessor;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.state.ElementInstance;

/**
 * The process itself. {@code ProcessInstanceStarter} activates it and its start event in one go,
 * and the lifecycle completes it when its last token is gone; nothing is left to do on activation.
 */
public final class ProcessProcessor implements BpmnElementProcessor {
  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance, ProcessingContext ctx) {
    return null;
  }
}
