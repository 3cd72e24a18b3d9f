package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;

/** A variable in a scope; the value is JSON text. */
public record VariableRecord(
    String name,
    String value,
    long scopeKey,
    long processInstanceKey,
    long processDefinitionKey,
    String bpmnProcessId,
    String tenantId)
    implements RecordValue {}
