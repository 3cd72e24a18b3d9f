package io.caseway.engine.journal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {

  @TempDir Path dir;

  @Test
  void noSnapshotYet() throws IOException {
    assertThat(new SnapshotStore(dir.resolve("missing")).latest()).isEmpty();
    assertThat(new SnapshotStore(dir).latest()).isEmpty();
  }

  @Test
  void writtenSnapshotIsReadBackAfterRestart() throws IOException {
    Path snapshots = dir.resolve("snapshots"); // created on first write
    new SnapshotStore(snapshots).write(42, bytes("state at 42"));

    assertThat(new SnapshotStore(snapshots).latest())
        .contains(new Snapshot(42, bytes("state at 42")));
    assertThat(fileNames()).isEmpty(); // only the subdirectory
    assertThat(listNames(snapshots)).containsExactly("snapshot-00000000000000000042.snap");
  }

  @Test
  void emptyPayloadRoundTrips() throws IOException {
    SnapshotStore store = new SnapshotStore(dir);
    store.write(0, new byte[0]);
    assertThat(store.latest()).contains(new Snapshot(0, new byte[0]));
  }

  @Test
  void writingDeletesOlderSnapshots() throws IOException {
    SnapshotStore store = new SnapshotStore(dir);
    store.write(10, bytes("ten"));
    store.write(20, bytes("twenty"));
    store.write(30, bytes("thirty"));

    assertThat(fileNames()).containsExactly("snapshot-00000000000000000030.snap");
    assertThat(store.latest()).contains(new Snapshot(30, bytes("thirty")));
  }

  @Test
  void corruptNewestSnapshotFallsBackToThePreviousOne() throws IOException {
    SnapshotStore store = new SnapshotStore(dir, 2);
    store.write(10, bytes("ten"));
    store.write(20, bytes("twenty"));
    store.write(30, bytes("thirty"));
    assertThat(fileNames())
        .containsExactly(
            "snapshot-00000000000000000020.snap", "snapshot-00000000000000000030.snap");

    flipLastByte(dir.resolve(SnapshotStore.fileName(30)));

    assertThat(new SnapshotStore(dir, 2).latest()).contains(new Snapshot(20, bytes("twenty")));
  }

  @Test
  void latestBeforeIsTheFallbackForASnapshotTheCallerCannotUse() throws IOException {
    SnapshotStore store = new SnapshotStore(dir, 3);
    store.write(10, bytes("ten"));
    store.write(20, bytes("twenty"));
    store.write(30, bytes("thirty"));
    flipLastByte(dir.resolve(SnapshotStore.fileName(20)));

    assertThat(store.latestBefore(30)).contains(new Snapshot(10, bytes("ten")));
    assertThat(store.latestBefore(31)).contains(new Snapshot(30, bytes("thirty")));
    assertThat(store.latestBefore(10)).isEmpty();
  }

  @Test
  void aDamagedSnapshotDoesNotCountAsRetainedAndGoesAtTheNextWrite() throws IOException {
    SnapshotStore store = new SnapshotStore(dir, 2);
    store.write(10, bytes("ten"));
    store.write(20, bytes("twenty"));
    flipLastByte(dir.resolve(SnapshotStore.fileName(20)));
    assertThat(store.latest()).contains(new Snapshot(10, bytes("ten")));

    store.write(30, bytes("thirty"));

    // the good older snapshot is the fallback now, not the damaged one
    assertThat(fileNames())
        .containsExactly(
            "snapshot-00000000000000000010.snap", "snapshot-00000000000000000030.snap");
    assertThat(store.latestBefore(30)).contains(new Snapshot(10, bytes("ten")));
  }

  @Test
  void truncatedNewestSnapshotFallsBackToAnOlderOne() throws IOException {
    // e.g. the disk lost the tail of the newest file, and the older one is still present because
    // the process died before deleting it
    SnapshotStore store = new SnapshotStore(dir);
    store.write(10, bytes("ten"));
    byte[] older = Files.readAllBytes(dir.resolve(SnapshotStore.fileName(10)));
    store.write(20, bytes("twenty"));
    Files.write(dir.resolve(SnapshotStore.fileName(10)), older);
    Path newest = dir.resolve(SnapshotStore.fileName(20));
    byte[] whole = Files.readAllBytes(newest);
    Files.write(newest, Arrays.copyOf(whole, whole.length - 3));

    assertThat(store.latest()).contains(new Snapshot(10, bytes("ten")));
  }

  @Test
  void noValidSnapshotMeansEmpty() throws IOException {
    SnapshotStore store = new SnapshotStore(dir);
    store.write(10, bytes("ten"));
    flipLastByte(dir.resolve(SnapshotStore.fileName(10)));
    Files.write(dir.resolve(SnapshotStore.fileName(11)), new byte[5]);

    assertThat(store.latest()).isEmpty();
  }

  @Test
  void leftoverTempFileIsIgnoredAndCleanedUpByTheNextWrite() throws IOException {
    SnapshotStore store = new SnapshotStore(dir);
    store.write(10, bytes("ten"));
    // a crash during the write of snapshot 20 leaves a temp file behind
    Files.write(dir.resolve(SnapshotStore.fileName(20) + ".tmp"), bytes("half-writ"));

    assertThat(store.latest()).contains(new Snapshot(10, bytes("ten")));

    store.write(15, bytes("fifteen"));
    assertThat(fileNames()).containsExactly("snapshot-00000000000000000015.snap");
  }

  @Test
  void theSnapshotJustWrittenIsTheLatestEvenAtALowerPosition() throws IOException {
    SnapshotStore store = new SnapshotStore(dir);
    store.write(50, bytes("fifty"));
    store.write(40, bytes("forty"));

    assertThat(store.latest()).contains(new Snapshot(40, bytes("forty")));
    assertThat(fileNames()).containsExactly("snapshot-00000000000000000040.snap");
  }

  @Test
  void rewritingTheSamePositionReplacesIt() throws IOException {
    SnapshotStore store = new SnapshotStore(dir);
    store.write(7, bytes("first"));
    store.write(7, bytes("second"));

    assertThat(store.latest()).contains(new Snapshot(7, bytes("second")));
    assertThat(fileNames()).containsExactly("snapshot-00000000000000000007.snap");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }

  private List<String> fileNames() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  private static List<String> listNames(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void flipLastByte(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      long offset = raf.length() - 1;
      raf.seek(offset);
      int b = raf.read();
      raf.seek(offset);
      raf.write(b ^ 0xFF);
    }
  }
}
