package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;

/** A deployed process definition, with its BPMN so that replay can rebuild the executable model. */
public record ProcessRecord(
    String bpmnProcessId,
    int version,
    long processDefinitionKey,
    String resourceName,
    String checksum,
    String resource,
    long deploymentKey,
    String tenantId)
    implements RecordValue {}
