package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;

/**
 * A message to correlate at once (never buffered) and, once correlated, the message key and the
 * first process instance it reached (an instance it started, or one that waited for it).
 */
public record MessageCorrelationRecord(
    String name, String correlationKey, String variables, String tenantId, long messageKey, long processInstanceKey)
    implements RecordValue {

  public static MessageCorrelationRecord command(String name, String correlationKey, String variables, String tenantId) {
    return new MessageCorrelationRecord(name, correlationKey, variables, tenantId, -1, -1);
  }

  public MessageCorrelationRecord correlated(long messageKey, long processInstanceKey) {
    return new MessageCorrelationRecord(name, correlationKey, variables, tenantId, messageKey, processInstanceKey);
  }
}
