package io.caseway.engine.protocol;

/**
 * One entry of the engine's record stream. Events are the truth: they are journaled, and replaying
 * them through the appliers rebuilds the engine state.
 */
public record Record(
    long position,
    long key,
    long timestamp,
    RecordType recordType,
    ValueType valueType,
    Intent intent,
    RecordValue value,
    RejectionType rejectionType,
    String rejectionReason) {

  public static Record event(long position, long key, long timestamp, Intent intent, RecordValue value) {
    return new Record(
        position, key, timestamp, RecordType.EVENT, ValueType.of(value), intent, value, null, null);
  }

  @SuppressWarnings("unchecked")
  public <V extends RecordValue> V valueAs(Class<V> type) {
    return (V) value;
  }

  @Override
  public String toString() {
    return valueType + "." + intent + "(key=" + key + ", " + value + ")";
  }
}
