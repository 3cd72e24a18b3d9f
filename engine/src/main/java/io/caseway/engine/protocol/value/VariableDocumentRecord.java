package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;

/** A document of variables set on a scope, either locally or with propagation to outer scopes. */
public record VariableDocumentRecord(long scopeKey, boolean local, String variables) implements RecordValue {}
