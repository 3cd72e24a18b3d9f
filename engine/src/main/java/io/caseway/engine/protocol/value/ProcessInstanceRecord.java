package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;

/** An element instance of a process instance (the process itself is the root element). */
public record ProcessInstanceRecord(
    String bpmnProcessId,
    int version,
    long processDefinitionKey,
    long processInstanceKey,
    String elementId,
    long flowScopeKey,
    String bpmnElementType,
    String bpmnEventType,
    long parentProcessInstanceKey,
    long parentElementInstanceKey,
    String tenantId)
    implements RecordValue {

  public ProcessInstanceRecord withElement(String elementId, String elementType, String eventType, long flowScopeKey) {
    return new ProcessInstanceRecord(
        bpmnProcessId, version, processDefinitionKey, processInstanceKey, elementId, flowScopeKey,
        elementType, eventType, parentProcessInstanceKey, parentElementInstanceKey, tenantId);
  }
}
