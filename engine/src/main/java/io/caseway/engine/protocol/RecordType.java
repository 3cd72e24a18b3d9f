package io.caseway.engine.protocol;

/** Whether a record asks for something (command), states a fact (event), or refuses a command. */
public enum RecordType {
  COMMAND,
  EVENT,
  COMMAND_REJECTION
}
