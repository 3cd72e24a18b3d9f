package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;

/**
 * A purge: the event's key is the change id reported back (and then as the topology's last
 * completed change). Applying it empties the state except the key generator and the clock.
 */
public record PurgeRecord(long changeId) implements RecordValue {}
