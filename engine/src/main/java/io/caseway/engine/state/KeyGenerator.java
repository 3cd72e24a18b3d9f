package io.caseway.engine.state;

import io.caseway.engine.protocol.Keys;

/** Hands out record keys; replay moves it past every key seen in the journal. */
public final class KeyGenerator {
  private long next = Keys.FIRST_KEY;

  public long nextKey() {
    return next++;
  }

  public long peek() {
    return next;
  }

  /** Sets the next key from a snapshot. */
  void restore(long nextKey) {
    next = nextKey;
  }

  void observe(long key) {
    if (key >= next) {
      next = key + 1;
    }
  }
}
