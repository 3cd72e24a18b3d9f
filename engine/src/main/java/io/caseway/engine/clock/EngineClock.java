package io.caseway.engine.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The engine's only source of time. It can be pinned to an instant, moved forward by an offset, and
 * reset to the system clock; every change wakes the processing loop so due timers fire at once.
 */
public final class EngineClock {
  private volatile Instant pinned;
  private volatile long offsetMillis;
  private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

  public long millis() {
    Instant p = pinned;
    return (p != null ? p.toEpochMilli() : System.currentTimeMillis()) + offsetMillis;
  }

  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  public void pin(Instant instant) {
    pinned = instant;
    offsetMillis = 0;
    changed();
  }

  public void addOffset(Duration offset) {
    offsetMillis += offset.toMillis();
    changed();
  }

  public void reset() {
    pinned = null;
    offsetMillis = 0;
    changed();
  }

  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  private void changed() {
    listeners.forEach(Runnable::run);
  }
}
