package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;

/** A deployed DMN resource (decision requirements graph). */
public record DecisionRequirementsRecord(
    String decisionRequirementsId,
    String decisionRequirementsName,
    int version,
    long decisionRequirementsKey,
    String namespace,
    String resourceName,
    String checksum,
    String resource,
    String tenantId)
    implements RecordValue {}
