package io.caseway.engine.journal;

import java.io.IOException;

/** Receives journal entries during {@link Journal#replay(long, EntryConsumer)}. */
@FunctionalInterface
public interface EntryConsumer {

  /**
   * Called once per entry, in position order.
   *
   * @param position the entry's position
   * @param payload a fresh copy of the entry's payload; the consumer may keep it
   */
  void accept(long position, byte[] payload) throws IOException;
}
