package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;

/** A message start event of the latest version of a process, open for messages. */
public record MessageStartEventSubscriptionRecord(
    long processDefinitionKey,
    String bpmnProcessId,
    String startEventId,
    String messageName,
    long messageKey,
    String correlationKey,
    String variables,
    long processInstanceKey,
    String tenantId)
    implements RecordValue {}
