package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;

/**
 * A completed activity that can be compensated, in the scope it ran in; once triggered, the throw
 * event that compensates it and the handler instance doing so.
 */
public record CompensationSubscriptionRecord(long scopeKey, String elementId, long elementInstanceKey,
    long throwEventInstanceKey, long handlerInstanceKey, long processInstanceKey, String tenantId)
    implements RecordValue {}
