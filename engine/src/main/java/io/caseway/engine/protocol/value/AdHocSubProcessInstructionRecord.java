package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;
import java.util.List;

/**
 * Which inner elements to activate in the ad-hoc sub-process instance, each with the variables
 * (a JSON object or null) to set on its new instance, and whether what runs there now ends first.
 */
public record AdHocSubProcessInstructionRecord(long adHocSubProcessInstanceKey, List<Element> elements,
    boolean cancelRemainingInstances, String tenantId) implements RecordValue {

  public record Element(String elementId, String variables) {}
}
