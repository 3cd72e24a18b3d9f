package io.caseway.engine.processing;

import io.caseway.engine.protocol.Intent;
import io.caseway.engine.protocol.Record;
import io.caseway.engine.protocol.RecordValue;
import io.caseway.engine.state.EngineState;

/**
 * What a processor may do while it handles a command: read the state, write events (applied at
 * once so later steps see them), queue follow-up commands, answer the caller, and schedule side
 * effects that run only after the events are durable.
 */
public interface ProcessingContext {
  EngineState state();

  /** The time of this command, the same for every event it writes. */
  long now();

  long newKey();

  Record event(long key, Intent intent, RecordValue value);

  /** A command the engine processes next, before any new command from outside. */
  void command(long key, Intent intent, RecordValue value);

  /** Answers the command's caller with this record (once the batch is durable). */
  void respond(Record record);

  /** Runs after the events of this batch are durable (never on replay). */
  void afterCommit(Runnable sideEffect);
}
