package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;

/**
 * An event (timer, message, error) that interrupts the element instance {@code scopeKey}; once
 * that instance is terminated, {@code targetElementId} (a boundary event) is activated with the
 * event's variables.
 */
public record ProcessEventRecord(
    long scopeKey, String targetElementId, String variables, long processInstanceKey, long processDefinitionKey)
    implements RecordValue {}
