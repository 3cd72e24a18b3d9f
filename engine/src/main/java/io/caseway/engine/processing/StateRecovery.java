package io.caseway.engine.processing;

import io.caseway.engine.clock.EngineClock;
import io.caseway.engine.journal.Journal;
import io.caseway.engine.journal.Snapshot;
import io.caseway.engine.journal.SnapshotStore;
import io.caseway.engine.state.EngineState;
import io.caseway.engine.state.EventAppliers;
import io.caseway.engine.state.ResourceModels;
import io.caseway.engine.state.StateSnapshotCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots and recovery: restart time is bounded by the live state instead of the whole history.
 *
 * <p><b>Taking snapshots</b> ({@link #snapshot}, on the processing thread between batches): the
 * whole state at its last position is written with {@link StateSnapshotCodec} to the {@link
 * SnapshotStore}, which keeps the two newest. Then the journal is compacted, but only up to just
 * before the <em>older</em> retained snapshot's position: recovery can still fall back to the
 * older snapshot, and the journal keeps the older snapshot's own entry, which proves that it
 * continues from there.
 *
 * <p><b>Recovery</b> ({@link #rebuild}): the newest snapshot that verifies, decodes, and that the
 * journal continues from, plus the journal entries after its position. The journal continues from
 * a snapshot at position P if it is empty or starts at or before P (compaction deletes only whole
 * segments from the front, so then nothing after P is missing). Otherwise the entries between P
 * and the journal's first position are gone; recovery tries older snapshots and, if none fits,
 * refuses to start with a message naming the gap rather than silently losing state. Without any
 * usable snapshot the whole journal is replayed, unless it was ever compacted ({@link
 * Journal#wasCompacted()}): then the entries before its first position are a gap too.
 */
public final class StateRecovery implements StreamProcessor.StateRebuilder, StreamProcessor.Snapshotter {
  private static final Logger LOG = LoggerFactory.getLogger(StateRecovery.class);

  private final Journal journal;
  private final SnapshotStore snapshots;
  private final Path snapshotDirectory;
  private final RecordCodec codec;
  private final EngineClock clock;
  private final ResourceModels models;
  private final Supplier<EngineState> stateFactory;
  private final Function<EngineState, EventAppliers> appliersFactory;

  /**
   * Data kept beside the state (the search projections). It is asked to save itself at each
   * snapshot position, and may do so later, on its own thread; it says which position it last saved
   * durably, and the journal is never compacted past that. Recovery loads its newest save at or
   * before the snapshot recovery starts from and feeds it the journal from there.
   */
  public interface Sidecar {
    /**
     * Loads the newest save at or before {@code position}; returns its position, or -1 if there is
     * nothing usable (then the sidecar is empty).
     */
    long load(long position);

    void reset();

    void apply(io.caseway.engine.protocol.Record record);

    /** Saves the current content, which is at {@code position}, now or later. */
    void save(long position);

    /** The position of the newest save that is durably on disk, or -1. */
    long savedPosition();
  }

  private Sidecar sidecar;

  /** Keeps a sidecar in step with the state (set before the first recovery). */
  public void setSidecar(Sidecar sidecar) {
    this.sidecar = sidecar;
  }

  /** Position of the newest snapshot known to be good (written or recovered from here), or -1. */
  private long newestGood = -1;

  private volatile SnapshotStats lastSnapshot;
  private volatile RecoveryStats lastRecovery;

  /** Size and times of the last snapshot written (for logs, benchmarks and tests). */
  public record SnapshotStats(long position, int bytes, long serializeMillis, long writeMillis) {}

  /**
   * How the state was last recovered: from the snapshot at {@code snapshotPosition} (-1: none, the
   * whole journal) plus {@code journalEntries} entries after it, ending at {@code position}.
   */
  public record RecoveryStats(long snapshotPosition, long journalEntries, long position, long millis) {}

  public StateRecovery(Journal journal, SnapshotStore snapshots, Path snapshotDirectory, RecordCodec codec,
      EngineClock clock, ResourceModels models, Supplier<EngineState> stateFactory,
      Function<EngineState, EventAppliers> appliersFactory) {
    this.journal = journal;
    this.snapshots = snapshots;
    this.snapshotDirectory = snapshotDirectory;
    this.codec = codec;
    this.clock = clock;
    this.models = models;
    this.stateFactory = stateFactory;
    this.appliersFactory = appliersFactory;
  }

  /** The last snapshot this engine wrote, or null. */
  public SnapshotStats lastSnapshot() {
    return lastSnapshot;
  }

  /** How the state was last recovered, or null before the first recovery. */
  public RecoveryStats lastRecovery() {
    return lastRecovery;
  }

  @Override
  public StreamProcessor.Rebuilt rebuild() throws IOException {
    long started = System.nanoTime();
    long first = journal.firstPosition();
    long last = journal.lastPosition();
    List<String> unusable = new ArrayList<>();
    Optional<Snapshot> candidate = snapshots.latest();
    while (candidate.isPresent()) {
      Snapshot snapshot = candidate.get();
      long position = snapshot.position();
      String problem;
      if (first > position) {
        problem = "the journal starts at position " + first + ", so its entries after position " + position
            + " and before " + first + " are missing";
      } else {
        StreamProcessor.Rebuilt fresh = fresh();
        long readStarted = System.nanoTime();
        problem = read(snapshot, fresh.state());
        if (problem == null) {
          long readMillis = (System.nanoTime() - readStarted) / 1_000_000;
          if (first == 0) {
            LOG.warn("The journal is empty; recovering the state at position {} from the snapshot alone", position);
          } else if (last < position) {
            LOG.warn("The journal ends at position {}, before the snapshot's position {} (its tail was not forced to "
                + "disk); the snapshot holds the newer state", last, position);
          }
          long replayStarted = System.nanoTime();
          long sidecarAt = sidecar == null ? -1 : sidecar.load(position);
          if (sidecarAt >= 0 && sidecarAt < position && journal.firstPosition() > sidecarAt + 1) {
            LOG.warn("The search projections saved at position {} cannot be brought up to the snapshot at {}: the "
                + "journal starts at {}", sidecarAt, position, journal.firstPosition());
            sidecar.reset();
            sidecarAt = -1;
          }
          long[] replayed = replay(fresh, position, sidecarAt);
          if (sidecar != null && sidecarAt < 0) {
            rebuildSidecar(position);
          }
          newestGood = position;
          lastRecovery = new RecoveryStats(position, replayed[1], Math.max(position, replayed[0]),
              (System.nanoTime() - started) / 1_000_000);
          LOG.info("Recovered the state at position {} from a snapshot ({} bytes, read in {} ms) and {} journal "
              + "entries after it (replayed in {} ms); {} ms in all", position, snapshot.payload().length, readMillis,
              replayed[1], (System.nanoTime() - replayStarted) / 1_000_000, (System.nanoTime() - started) / 1_000_000);
          return new StreamProcessor.Rebuilt(fresh.state(), fresh.appliers(), Math.max(position, replayed[0]));
        }
      }
      LOG.warn("Not recovering from the snapshot at position {}: {}; trying an older one", position, problem);
      unusable.add("the snapshot at position " + position + " (" + problem + ")");
      candidate = snapshots.latestBefore(position);
    }
    if (journal.wasCompacted()) {
      throw new IOException("Cannot recover the engine state: the journal starts at position " + first
          + " (older entries were compacted into snapshots), but no usable snapshot covers the positions before it"
          + (unusable.isEmpty() ? " (there is no valid snapshot in " + snapshotDirectory + ")"
              : ": " + String.join("; ", unusable))
          + ". Refusing to start with the entries up to position " + (first - 1) + " missing; restore the snapshots"
          + " or the journal segments that held them.");
    }
    StreamProcessor.Rebuilt fresh = fresh();
    if (sidecar != null) {
      sidecar.reset();
    }
    long[] replayed = replay(fresh, 0, sidecar != null ? 0 : -1);
    newestGood = -1;
    lastRecovery = new RecoveryStats(-1, replayed[1], replayed[0], (System.nanoTime() - started) / 1_000_000);
    if (replayed[1] > 0) {
      LOG.info("Recovered the state at position {} by replaying {} journal entries in {} ms", replayed[0], replayed[1],
          (System.nanoTime() - started) / 1_000_000);
    }
    return new StreamProcessor.Rebuilt(fresh.state(), fresh.appliers(), replayed[0]);
  }

  private StreamProcessor.Rebuilt fresh() {
    clock.restore(-1, 0);
    EngineState state = stateFactory.get();
    return new StreamProcessor.Rebuilt(state, appliersFactory.apply(state), 0);
  }

  /** Reads the snapshot into the empty state; returns why it cannot be used, or null. */
  private String read(Snapshot snapshot, EngineState state) {
    try {
      StateSnapshotCodec.read(snapshot.payload(), state, models, clock);
    } catch (IOException | RuntimeException e) {
      clock.restore(-1, 0);
      return "it cannot be read: " + e.getMessage();
    }
    if (state.lastPosition() != snapshot.position()) {
      clock.restore(-1, 0);
      return "its content is at position " + state.lastPosition() + ", not at the position it is filed under";
    }
    return null;
  }

  /**
   * Applies the journal entries after {@code afterPosition} to the state, and those after {@code
   * sidecarAfter} to the sidecar (none if negative); returns {last position, entries applied to the
   * state}.
   */
  private long[] replay(StreamProcessor.Rebuilt target, long afterPosition, long sidecarAfter) throws IOException {
    long[] result = {0, 0};
    long from = sidecarAfter >= 0 ? Math.min(afterPosition, sidecarAfter) : afterPosition;
    journal.replay(from, (position, payload) -> {
      io.caseway.engine.protocol.Record record = codec.decode(payload);
      if (position > afterPosition) {
        target.appliers().apply(record);
        result[0] = position;
        result[1]++;
      }
      if (sidecarAfter >= 0 && position > sidecarAfter) {
        sidecar.apply(record);
      }
    });
    return result;
  }

  /**
   * The sidecar has nothing saved at the snapshot recovery starts from (data written before it
   * existed, or a damaged file): rebuild it from what the journal still holds, which may not reach
   * back to the beginning (see docs/adr/0004-search-projections.md).
   */
  private void rebuildSidecar(long snapshotPosition) throws IOException {
    sidecar.reset();
    long first = journal.firstPosition();
    if (journal.wasCompacted() || first > 1) {
      LOG.warn("The search projections at the snapshot at position {} are missing; rebuilding them from the journal,"
          + " which starts at position {}: history before it is not searchable", snapshotPosition, first);
    }
    journal.replay(0, (position, payload) -> sidecar.apply(codec.decode(payload)));
  }

  @Override
  public void snapshot(EngineState state) {
    long position = state.lastPosition();
    if (position == 0 || position == newestGood) {
      return;
    }
    try {
      long started = System.nanoTime();
      if (sidecar != null) {
        sidecar.save(position);
      }
      byte[] payload = StateSnapshotCodec.write(state, clock);
      long serialized = System.nanoTime();
      snapshots.write(position, payload);
      long written = System.nanoTime();
      long older = newestGood;
      newestGood = position;
      // never past what the sidecar has durably saved, or it could not catch up after a crash
      long keepFrom = sidecar == null ? older : Math.min(older, sidecar.savedPosition());
      if (keepFrom > 0 && keepFrom < position) {
        journal.compactUpTo(keepFrom - 1);
      }
      SnapshotStats stats = new SnapshotStats(position, payload.length, (serialized - started) / 1_000_000,
          (written - serialized) / 1_000_000);
      lastSnapshot = stats;
      LOG.info("Took a snapshot at position {}: {} bytes, serialised in {} ms, written in {} ms; journal now starts at "
          + "position {}", position, payload.length, stats.serializeMillis(), stats.writeMillis(),
          journal.firstPosition());
    } catch (IOException | RuntimeException e) {
      LOG.error("Could not take a snapshot at position {}; the journal still holds everything", position, e);
    }
  }
}
