package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;

/** A decision of a deployed decision requirements graph. */
public record DecisionRecord(
    String decisionId,
    String decisionName,
    int version,
    long decisionKey,
    String decisionRequirementsId,
    long decisionRequirementsKey,
    String tenantId)
    implements RecordValue {}
