package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;

/**
 * A timer waiting to fire. {@code elementInstanceKey} is the instance that waits (a catch event, or
 * the activity a boundary event is attached to), or -1 for a timer start event. {@code cycle} is
 * the cycle definition to re-arm from, or null for a one-shot timer.
 */
public record TimerRecord(
    long elementInstanceKey,
    long processInstanceKey,
    long processDefinitionKey,
    String targetElementId,
    long dueDate,
    int repetitions,
    String cycle,
    String tenantId)
    implements RecordValue {}
