package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;
import java.util.List;

/** A request to start a process instance, and the fact that it started. */
public record ProcessInstanceCreationRecord(
    String bpmnProcessId,
    int version,
    long processDefinitionKey,
    long processInstanceKey,
    String variables,
    List<String> startInstructions,
    List<String> fetchVariables,
    String tenantId)
    implements RecordValue {}
