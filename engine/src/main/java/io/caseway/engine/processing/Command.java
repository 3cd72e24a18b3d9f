package io.caseway.engine.processing;

import io.caseway.engine.protocol.Intent;
import io.caseway.engine.protocol.RecordValue;

/** A request to the engine: from a gateway (with a response channel) or a follow-up of the engine's own. */
public record Command(long key, Intent intent, RecordValue value, ResponseChannel response) {

  public static Command internal(long key, Intent intent, RecordValue value) {
    return new Command(key, intent, value, ResponseChannel.NONE);
  }

  @SuppressWarnings("unchecked")
  public <V extends RecordValue> V valueAs(Class<V> type) {
    return (V) value;
  }
}
