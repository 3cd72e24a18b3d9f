package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;

/** A deployed Camunda Form. */
public record FormRecord(
    String formId, int version, long formKey, String resourceName, String checksum, String resource, String tenantId)
    implements RecordValue {}
