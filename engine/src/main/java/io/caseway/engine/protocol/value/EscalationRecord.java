package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;

/**
 * An escalation thrown by {@code throwElementId} with {@code escalationCode}; {@code catchElementId}
 * is the boundary event or event sub-process start event that caught it, empty when nobody did.
 */
public record EscalationRecord(long processInstanceKey, String escalationCode, String throwElementId,
    String catchElementId) implements RecordValue {}
