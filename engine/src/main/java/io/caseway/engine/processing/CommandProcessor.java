package io.caseway.engine.processing;

/**
 * Handles one kind of command: checks it against the state, then writes events (which the appliers
 * apply), follow-up commands, a response and side effects. A processor never changes state itself.
 */
@FunctionalInterface
public interface CommandProcessor {
  void process(Command command, ProcessingContext ctx);
}
