package io.caseway.engine.clock;

import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The engine's only source of time: the system clock, optionally pinned to an instant and/or moved
 * by an offset. Changes are commands (see {@code ClockIntent}); the resulting event is journaled
 * and its applier calls {@link #restore}, so a controlled clock survives a restart and time never
 * runs backwards for timers. Every change wakes the processing loop so due timers fire at once.
 */
public final class EngineClock {
  private volatile long pinnedMillis = -1;
  private volatile long offsetMillis;
  private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

  public long millis() {
    long p = pinnedMillis;
    return (p >= 0 ? p : System.currentTimeMillis()) + offsetMillis;
  }

  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  public long pinnedMillis() {
    return pinnedMillis;
  }

  public long offsetMillis() {
    return offsetMillis;
  }

  /** Sets the clock's control state; called by the clock event applier (live and on replay). */
  public void restore(long pinnedMillis, long offsetMillis) {
    this.pinnedMillis = pinnedMillis;
    this.offsetMillis = offsetMillis;
    listeners.forEach(Runnable::run);
  }

  public void onChange(Runnable listener) {
    listeners.add(listener);
  }
}
