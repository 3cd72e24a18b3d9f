package io.caseway.engine.processing.bpmn.container;

import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.BpmnElementProcessor;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.processing.bpmn.behavior.ProcessInstanceStarter;
import io.caseway.engine.state.ElementInstance;

/**
 * The process itself. {@link ProcessInstanceStarter} activates it and its start event in one go;
 * only a process with start execution listeners comes here, once they are done. The lifecycle
 * completes it when its last token is gone.
 */
public final class ProcessProcessor implements BpmnElementProcessor {
  private final ProcessInstanceStarter starter;

  public ProcessProcessor(ProcessInstanceStarter starter) {
    this.starter = starter;
  }

  @Override
  public Failure onActivate(ExecutableElement element, ElementInstance instance, ProcessingContext ctx) {
    starter.enterAfterStartListeners(ctx, instance, element);
    return null;
  }
}
