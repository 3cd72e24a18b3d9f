package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;

/**
 * A problem that stops a process instance from going on until somebody resolves it. {@code
 * failedIntent} says what the engine retries on resolution (activation or completion of the element).
 */
public record IncidentRecord(
    String errorType,
    String errorMessage,
    String bpmnProcessId,
    long processDefinitionKey,
    long processInstanceKey,
    String elementId,
    long elementInstanceKey,
    long jobKey,
    long variableScopeKey,
    String failedIntent,
    String tenantId)
    implements RecordValue {}
