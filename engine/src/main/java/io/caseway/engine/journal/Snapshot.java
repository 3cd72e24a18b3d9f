package io.caseway.engine.journal;

import java.util.Arrays;
import java.util.Objects;

/**
 * A snapshot read back from a {@link SnapshotStore}.
 *
 * @param position the journal position the snapshot covers (entries up to and including it)
 * @param payload the opaque snapshot bytes
 */
public record Snapshot(long position, byte[] payload) {

  public Snapshot {
    Objects.requireNonNull(payload, "payload");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Snapshot other
        && position == other.position
        && Arrays.equals(payload, other.payload);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(position) + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "Snapshot[position=" + position + ", payload=" + payload.length + " bytes]";
  }
}
