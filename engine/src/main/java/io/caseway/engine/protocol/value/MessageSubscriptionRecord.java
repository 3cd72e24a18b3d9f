package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;

/** An element instance waiting for a message with a name and correlation key. */
public record MessageSubscriptionRecord(
    long processInstanceKey,
    long elementInstanceKey,
    String bpmnProcessId,
    long processDefinitionKey,
    String elementId,
    String messageName,
    String correlationKey,
    boolean interrupting,
    long messageKey,
    String variables,
    String tenantId)
    implements RecordValue {

  public MessageSubscriptionRecord correlatedWith(long messageKey, String variables) {
    return new MessageSubscriptionRecord(processInstanceKey, elementInstanceKey, bpmnProcessId, processDefinitionKey,
        elementId, messageName, correlationKey, interrupting, messageKey, variables, tenantId);
  }
}
