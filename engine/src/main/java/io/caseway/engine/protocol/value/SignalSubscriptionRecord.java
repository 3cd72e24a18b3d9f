package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;

/**
 * Who waits for a signal: a start event of a process definition ({@code catchEventInstanceKey} -1)
 * or an element instance that waits for it (its own catch event, a boundary event, or the start
 * event of an event sub-process in it).
 */
public record SignalSubscriptionRecord(String signalName, long processDefinitionKey, String bpmnProcessId,
    String catchEventId, long catchEventInstanceKey, long processInstanceKey, String tenantId)
    implements RecordValue {}
