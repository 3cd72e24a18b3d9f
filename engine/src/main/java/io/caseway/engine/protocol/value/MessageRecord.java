package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;

/** A published message. {@code deadline} is when a buffered message expires. */
public record MessageRecord(
    String name, String correlationKey, long timeToLive, String messageId, String variables, long deadline, String tenantId)
    implements RecordValue {}
