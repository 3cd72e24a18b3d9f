package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;

/**
 * The controlled clock: pinned to an instant (epoch millis, or -1 for the system clock) and moved
 * by an offset. Commands carry what to change (an instant to pin to, or an offset to add); events
 * carry the resulting state.
 */
public record ClockRecord(long pinnedMillis, long offsetMillis) implements RecordValue {}
