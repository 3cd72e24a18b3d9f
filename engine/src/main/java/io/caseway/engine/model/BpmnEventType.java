package io.caseway.engine.model;

/** The event definition of an event element (NONE for plain events, UNSPECIFIED for non-events). */
public enum BpmnEventType {
  UNSPECIFIED,
  NONE,
  TIMER,
  MESSAGE,
  ERROR,
  TERMINATE,
  LINK,
  ESCALATION,
  SIGNAL,
  COMPENSATION
}
