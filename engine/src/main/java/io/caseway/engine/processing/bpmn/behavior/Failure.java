package io.caseway.engine.processing.bpmn.behavior;

/** Why an element could not go on: becomes an incident of this type with this message. */
public record Failure(String errorType, String message) {
  public static final String EXTRACT_VALUE_ERROR = "EXTRACT_VALUE_ERROR";
  public static final String IO_MAPPING_ERROR = "IO_MAPPING_ERROR";
  public static final String CONDITION_ERROR = "CONDITION_ERROR";
  public static final String CALLED_ELEMENT_ERROR = "CALLED_ELEMENT_ERROR";
  public static final String CALLED_DECISION_ERROR = "CALLED_DECISION_ERROR";
  public static final String DECISION_EVALUATION_ERROR = "DECISION_EVALUATION_ERROR";
  public static final String UNHANDLED_ERROR_EVENT = "UNHANDLED_ERROR_EVENT";
  public static final String JOB_NO_RETRIES = "JOB_NO_RETRIES";
  public static final String FORM_NOT_FOUND = "FORM_NOT_FOUND";
}
