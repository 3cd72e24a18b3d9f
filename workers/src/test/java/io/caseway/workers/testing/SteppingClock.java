package io.caseway.workers.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A UTC clock that moves on a second every time it is read, so two reads are never equal. */
public final class SteppingClock extends Clock {
  private final AtomicReference<Instant> next;

  public SteppingClock(Instant start) {
    next = new AtomicReference<>(start);
  }

  @Override
  public Instant instant() {
    return next.getAndUpdate(i -> i.plus(Duration.ofSeconds(1)));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("SteppingClock is UTC only");
  }
}
