package io.caseway.engine.processing.bpmn.container;

import io.caseway.engine.model.BpmnElementType;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.BpmnVariableBehavior;
import io.caseway.engine.protocol.intent.AdHocSubProcessInstructionIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.AdHocSubProcessInstructionRecord;
import io.caseway.engine.state.ElementInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Activates inner elements of a running ad-hoc sub-process. Refuses an unknown key, an instance
 * that is no active ad-hoc sub-process, an empty list, element ids that are not its inner elements,
 * and variables that are not a JSON object; then nothing changes.
 */
public final class AdHocSubProcessActivateProcessor implements CommandProcessor {
  private final BpmnBehaviors b;
  private final AdHocSubProcessProcessor adHocSubProcess;

  public AdHocSubProcessActivateProcessor(BpmnBehaviors b, AdHocSubProcessProcessor adHocSubProcess) {
    this.b = b;
    this.adHocSubProcess = adHocSubProcess;
  }

  @Override
  public void process(Command command, ProcessingContext ctx) {
    AdHocSubProcessInstructionRecord request = (AdHocSubProcessInstructionRecord) command.value();
    long key = request.adHocSubProcessInstanceKey();
    ElementInstance adHoc = ctx.state().elementInstances().get(key);
    if (adHoc == null || !BpmnElementType.AD_HOC_SUB_PROCESS.name().equals(adHoc.value().bpmnElementType())) {
      throw Rejection.notFound("Expected to activate activities of the ad-hoc sub-process instance with key '" + key
          + "', but no such ad-hoc sub-process instance was found");
    }
    if (adHoc.state() != ProcessInstanceIntent.ELEMENT_ACTIVATED) {
      throw Rejection.invalidState("Expected to activate activities of the ad-hoc sub-process instance with key '"
          + key + "', but it is " + adHoc.state());
    }
    if (request.elements() == null || request.elements().isEmpty()) {
      throw Rejection.invalidArgument("Expected at least one element to activate, but the request named none");
    }
    ExecutableElement element = b.state().element(ctx, adHoc);
    List<ExecutableElement> inner = new ArrayList<>();
    List<Map<String, String>> variables = new ArrayList<>();
    for (AdHocSubProcessInstructionRecord.Element e : request.elements()) {
      ExecutableElement found = AdHocSubProcessProcessor.innerElement(element, e.elementId());
      if (found == null) {
        throw Rejection.invalidArgument("Expected to activate inner elements of ad-hoc sub-process '" + element.id()
            + "', but '" + e.elementId() + "' is not one of them");
      }
      inner.add(found);
      variables.add(BpmnVariableBehavior.requireDocument(e.variables()));
    }
    ctx.respond(ctx.event(ctx.newKey(), AdHocSubProcessInstructionIntent.ACTIVATED, request));
    if (request.cancelRemainingInstances()) {
      for (long child : List.copyOf(adHoc.children())) {
        ctx.command(child, ProcessInstanceIntent.TERMINATE_ELEMENT, ctx.state().elementInstances().get(child).value());
      }
    }
    adHocSubProcess.activate(ctx, adHoc, inner, variables);
  }
}
