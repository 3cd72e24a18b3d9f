package io.caseway.engine.model;

/** BPMN element kinds, named as Camunda 8 names them in records and searches. */
public enum BpmnElementType {
  PROCESS,
  SUB_PROCESS,
  EVENT_SUB_PROCESS,
  AD_HOC_SUB_PROCESS,
  START_EVENT,
  INTERMEDIATE_CATCH_EVENT,
  INTERMEDIATE_THROW_EVENT,
  BOUNDARY_EVENT,
  END_EVENT,
  SERVICE_TASK,
  RECEIVE_TASK,
  USER_TASK,
  MANUAL_TASK,
  TASK,
  EXCLUSIVE_GATEWAY,
  PARALLEL_GATEWAY,
  INCLUSIVE_GATEWAY,
  EVENT_BASED_GATEWAY,
  SEQUENCE_FLOW,
  CALL_ACTIVITY,
  BUSINESS_RULE_TASK,
  SCRIPT_TASK,
  SEND_TASK,
  /** The instance that holds the inner instances of a multi-instance activity (same element id). */
  MULTI_INSTANCE_BODY;

  public boolean isContainer() {
    return this == PROCESS || this == SUB_PROCESS || this == EVENT_SUB_PROCESS || this == AD_HOC_SUB_PROCESS;
  }

  /** Gateways that may wait for tokens on several incoming flows before they activate. */
  public boolean isJoiningGateway() {
    return this == PARALLEL_GATEWAY || this == INCLUSIVE_GATEWAY;
  }
}
