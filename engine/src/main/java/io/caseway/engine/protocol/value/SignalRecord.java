package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;

/** A broadcast signal and the variables it carries (a JSON object, or null). */
public record SignalRecord(String signalName, String variables, String tenantId) implements RecordValue {}
