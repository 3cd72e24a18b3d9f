package io.caseway.engine.protocol;

/**
 * What a record says. Commands are imperative ({@code COMPLETE}), events past tense ({@code
 * COMPLETED}). Each value type has its own enum of intents.
 */
public interface Intent {
  String name();

  boolean isEvent();
}
