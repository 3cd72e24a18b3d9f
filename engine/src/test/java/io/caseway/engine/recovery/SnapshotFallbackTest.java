package io.caseway.engine.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caseway.engine.Engine;
import io.caseway.engine.EngineConfig;
import io.caseway.engine.journal.SnapshotStore;
import io.caseway.engine.state.StateDump;
import io.caseway.engine.testing.EngineHarness;
import io.caseway.engine.testing.MixedWorkload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine keeps two snapshots and compacts the journal only behind the older one: a damaged
 * newest snapshot costs nothing, and a journal that no longer continues from any usable snapshot
 * stops the engine with a message naming the gap instead of silently losing state.
 */
class SnapshotFallbackTest {
  private static final UnaryOperator<EngineConfig> SMALL =
      c -> c.withSnapshotEveryRecords(50).withJournalSegmentBytes(8 * 1024);

  @TempDir static Path shared;
  @TempDir Path tmp;

  record Before(Map<String, Object> state, List<Long> waitingTimerInstances, List<Long> snapshots,
      java.util.Set<Long> searchableInstances) {}

  private static Before workload;

  /** Runs the mixed workload once, closes the engine (which takes a last snapshot) and keeps what it had. */
  @BeforeAll
  static void runWorkloadOnce() throws IOException {
    workload = runWorkload(shared.resolve("data"));
  }

  /** A copy of the data directory the workload left, for one test to damage. */
  private static Before workloadIn(Path data) throws IOException {
    copy(shared.resolve("data"), data);
    return workload;
  }

  private static Before runWorkload(Path data) throws IOException {
    EngineHarness h = new EngineHarness(data, SMALL);
    MixedWorkload workload = new MixedWorkload(h);
    Map<String, Object> state;
    java.util.Set<Long> searchable;
    try {
      workload.run(() -> {});
      state = h.engine().query(StateDump::of).join();
      searchable = searchableInstances(h);
    } finally {
      h.close();
    }
    List<Long> snapshots = snapshotPositions(data);
    assertThat(snapshots).as("retained snapshots").hasSize(2);
    assertThat(RestartWithSnapshotsTest.segmentPositions(data.resolve("journal")).get(0))
        .as("the journal was compacted, but keeps the older snapshot's entry")
        .isGreaterThan(1).isLessThanOrEqualTo(snapshots.get(0));
    return new Before(state, List.copyOf(workload.waitingTimerInstances), snapshots, searchable);
  }

  @Test
  void aDamagedNewestSnapshotFallsBackToTheOlderOneAndLosesNothing() throws IOException {
    Path data = tmp.resolve("data");
    Before before = workloadIn(data);
    flipLastByte(snapshotFile(data, before.snapshots().get(1)));

    try (EngineHarness h = new EngineHarness(data, SMALL)) {
      assertThat(h.engine().lastRecovery().snapshotPosition()).as("recovered from the older snapshot")
          .isEqualTo(before.snapshots().get(0));
      assertThat(h.engine().lastRecovery().journalEntries()).as("journal entries after the older snapshot")
          .isPositive();
      StateDump.assertSame(h.engine().query(StateDump::of).join(), before.state(), "after falling back");

      // and the processes go on: the waiting timers fire
      h.engine().addClockOffset(Duration.ofHours(2)).join();
      before.waitingTimerInstances().forEach(h::awaitProcessCompleted);
    }
  }

  private static java.util.Set<Long> searchableInstances(EngineHarness h) {
    return h.engine().search(p -> java.util.Set.copyOf(p.data().processInstances.keySet())).join();
  }

  @Test
  void lostNewestSearchProjectionsAreRebuiltFromAnOlderSaveAndTheJournal() throws IOException {
    Path data = tmp.resolve("data");
    Before before = workloadIn(data);
    assertThat(before.searchableInstances()).isNotEmpty();
    Path projections = data.resolve("projections");
    List<Path> saves;
    try (var files = Files.list(projections)) {
      saves = files.sorted().toList();
    }
    assertThat(saves).as("saved projections").hasSizeGreaterThan(1);
    Path newest = saves.stream().max(java.util.Comparator.comparingLong(
        f -> Long.parseLong(f.getFileName().toString().replace(".json.gz", "")))).orElseThrow();
    Files.delete(newest);

    try (EngineHarness h = new EngineHarness(data, SMALL)) {
      assertThat(searchableInstances(h)).as("searchable process instances after losing the newest save")
          .isEqualTo(before.searchableInstances());
    }
  }

  @Test
  void aNewestSnapshotThisEngineCannotDecodeFallsBackToTheOlderOne() throws IOException {
    Path data = tmp.resolve("data");
    Before before = workloadIn(data);
    // intact as a file (length and checksum verify), but not a state snapshot this engine can read
    new SnapshotStore(data.resolve("snapshots"), 2)
        .write(before.snapshots().get(1), "not a state".getBytes(StandardCharsets.UTF_8));

    try (EngineHarness h = new EngineHarness(data, SMALL)) {
      assertThat(h.engine().lastRecovery().snapshotPosition()).isEqualTo(before.snapshots().get(0));
      StateDump.assertSame(h.engine().query(StateDump::of).join(), before.state(), "after falling back");
    }
  }

  @Test
  void aJournalThatNoLongerContinuesFromTheSnapshotsIsRefusedNamingTheGap() throws IOException {
    Path data = tmp.resolve("data");
    Before before = workloadIn(data);
    Path oldSnapshots = tmp.resolve("old-snapshots");
    copy(data.resolve("snapshots"), oldSnapshots);
    try (EngineHarness h = new EngineHarness(data, SMALL)) {
      MixedWorkload more = new MixedWorkload(h);
      for (int i = 0; i < 200; i++) {
        more.publish("noise", "n" + i, Duration.ZERO, "");
      }
      more.settle();
    }
    long journalStart = RestartWithSnapshotsTest.segmentPositions(data.resolve("journal")).get(0);
    assertThat(journalStart).as("compacted past the old snapshots").isGreaterThan(before.snapshots().get(1));
    // the snapshots are put back to an older copy: the entries between them and the journal are gone
    deleteRecursively(data.resolve("snapshots"));
    copy(oldSnapshots, data.resolve("snapshots"));

    assertThatThrownBy(() -> Engine.start(SMALL.apply(EngineConfig.defaults(data).withGrpcPort(0).withMonitoringPort(-1).withRestPort(-1)
        .withHost("127.0.0.1").withFsync(false))))
        .isInstanceOf(UncheckedIOException.class)
        .rootCause()
        .hasMessageContaining("the journal starts at position " + journalStart)
        .hasMessageContaining("the snapshot at position " + before.snapshots().get(1))
        .hasMessageContaining("the snapshot at position " + before.snapshots().get(0))
        .hasMessageContaining("missing");
    assertThat(RestartWithSnapshotsTest.segmentPositions(data.resolve("journal")).get(0))
        .as("the journal is left as it was").isEqualTo(journalStart);
  }

  @Test
  void noUsableSnapshotForACompactedJournalIsRefused() throws IOException {
    Path data = tmp.resolve("data");
    Before before = workloadIn(data);
    for (long position : before.snapshots()) {
      flipLastByte(snapshotFile(data, position));
    }
    assertThatThrownBy(() -> Engine.start(SMALL.apply(EngineConfig.defaults(data).withGrpcPort(0).withMonitoringPort(-1).withRestPort(-1)
        .withHost("127.0.0.1").withFsync(false))))
        .isInstanceOf(UncheckedIOException.class)
        .rootCause()
        .hasMessageContaining("no usable snapshot covers the positions before it")
        .hasMessageContaining("Refusing to start");
  }

  @Test
  void aCompactedJournalWhoseSnapshotsWereDeletedIsRefused() throws IOException {
    Path data = tmp.resolve("data");
    workloadIn(data);
    deleteRecursively(data.resolve("snapshots"));
    assertThatThrownBy(() -> Engine.start(SMALL.apply(EngineConfig.defaults(data).withGrpcPort(0).withMonitoringPort(-1).withRestPort(-1)
        .withHost("127.0.0.1").withFsync(false))))
        .isInstanceOf(UncheckedIOException.class)
        .rootCause()
        .hasMessageContaining("there is no valid snapshot in")
        .hasMessageContaining("Refusing to start");
  }

  static List<Long> snapshotPositions(Path data) throws IOException {
    try (Stream<Path> files = Files.list(data.resolve("snapshots"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("snapshot-\\d{20}\\.snap"))
          .map(n -> Long.parseLong(n.substring("snapshot-".length(), n.length() - ".snap".length()))).sorted()
          .toList();
    }
  }

  private static Path snapshotFile(Path data, long position) {
    return data.resolve("snapshots").resolve(String.format("snapshot-%020d.snap", position));
  }

  private static void flipLastByte(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 0x5A;
    Files.write(file, bytes);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
