package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;
import java.util.Map;

/**
 * A unit of work for a job worker. Commands reuse this shape: complete carries variables, fail
 * carries retries, back-off and error message, throw-error carries the error code.
 */
public record JobRecord(
    String type,
    String worker,
    int retries,
    long deadline,
    long timeout,
    long retryBackoff,
    long recurringTime,
    String errorMessage,
    String errorCode,
    Map<String, String> customHeaders,
    String variables,
    long processInstanceKey,
    String bpmnProcessId,
    int processDefinitionVersion,
    long processDefinitionKey,
    String elementId,
    long elementInstanceKey,
    String tenantId,
    String listenerEventType,
    int listenerIndex,
    String result)
    implements RecordValue {

  public static JobRecord command() {
    return new JobRecord(null, null, 0, -1, -1, 0, -1, null, null, Map.of(), null, -1, null, -1, -1, null, -1, null,
        null, 0, null);
  }

  public JobRecord withRetries(int retries) {
    return new JobRecord(type, worker, retries, deadline, timeout, retryBackoff, recurringTime, errorMessage,
        errorCode, customHeaders, variables, processInstanceKey, bpmnProcessId, processDefinitionVersion,
        processDefinitionKey, elementId, elementInstanceKey, tenantId, listenerEventType, listenerIndex, result);
  }

  public JobRecord withActivation(String worker, long deadline, long timeout) {
    return new JobRecord(type, worker, retries, deadline, timeout, retryBackoff, recurringTime, errorMessage,
        errorCode, customHeaders, variables, processInstanceKey, bpmnProcessId, processDefinitionVersion,
        processDefinitionKey, elementId, elementInstanceKey, tenantId, listenerEventType, listenerIndex, result);
  }

  public JobRecord withFailure(int retries, String errorMessage, long retryBackoff, long recurringTime) {
    return new JobRecord(type, worker, retries, -1, timeout, retryBackoff, recurringTime, errorMessage,
        errorCode, customHeaders, variables, processInstanceKey, bpmnProcessId, processDefinitionVersion,
        processDefinitionKey, elementId, elementInstanceKey, tenantId, listenerEventType, listenerIndex, result);
  }

  public JobRecord withError(String errorCode, String errorMessage, String variables) {
    return new JobRecord(type, worker, retries, deadline, timeout, retryBackoff, recurringTime, errorMessage,
        errorCode, customHeaders, variables, processInstanceKey, bpmnProcessId, processDefinitionVersion,
        processDefinitionKey, elementId, elementInstanceKey, tenantId, listenerEventType, listenerIndex, result);
  }

  public JobRecord withVariables(String variables) {
    return new JobRecord(type, worker, retries, deadline, timeout, retryBackoff, recurringTime, errorMessage,
        errorCode, customHeaders, variables, processInstanceKey, bpmnProcessId, processDefinitionVersion,
        processDefinitionKey, elementId, elementInstanceKey, tenantId, listenerEventType, listenerIndex, result);
  }

  /** A completion's result (see {@link JobResult}), as its JSON document. */
  public JobRecord withResult(JobResult jobResult) {
    return new JobRecord(type, worker, retries, deadline, timeout, retryBackoff, recurringTime, errorMessage,
        errorCode, customHeaders, variables, processInstanceKey, bpmnProcessId, processDefinitionVersion,
        processDefinitionKey, elementId, elementInstanceKey, tenantId, listenerEventType, listenerIndex,
        jobResult == null ? null : jobResult.toJson());
  }

  public JobRecord withCustomHeaders(Map<String, String> customHeaders) {
    return new JobRecord(type, worker, retries, deadline, timeout, retryBackoff, recurringTime, errorMessage,
        errorCode, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customHeaders)), variables, processInstanceKey, bpmnProcessId, processDefinitionVersion,
        processDefinitionKey, elementId, elementInstanceKey, tenantId, listenerEventType, listenerIndex, result);
  }

  public JobRecord withDeadline(long deadline) {
    return new JobRecord(type, worker, retries, deadline, timeout, retryBackoff, recurringTime, errorMessage,
        errorCode, customHeaders, variables, processInstanceKey, bpmnProcessId, processDefinitionVersion,
        processDefinitionKey, elementId, elementInstanceKey, tenantId, listenerEventType, listenerIndex, result);
  }
}
