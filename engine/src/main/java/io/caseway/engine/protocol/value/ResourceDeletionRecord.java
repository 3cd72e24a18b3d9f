package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;

/** A request to delete a deployed resource by key. */
public record ResourceDeletionRecord(long resourceKey, String resourceType) implements RecordValue {}
