package io.caseway.engine.journal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JournalTest {

  /** Every payload from {@link #payload(long)} is 10 bytes, so every entry is 26 bytes. */
  private static final int ENTRY_SIZE = 26;

  /** Header (8) + 3 entries (78) = 86 bytes; a fourth entry would exceed 100, so 3 per segment. */
  private static final JournalOptions THREE_PER_SEGMENT = new JournalOptions(100, true);

  @TempDir Path dir;

  @Test
  void entriesSurviveCloseAndReopenInOrder() throws IOException {
    try (Journal journal = Journal.open(dir, JournalOptions.defaults())) {
      assertThat(journal.lastPosition()).isZero();
      appendRange(journal, 1, 100);
      journal.flush();
      assertThat(journal.lastPosition()).isEqualTo(100);
    }

    try (Journal journal = Journal.open(dir, JournalOptions.defaults())) {
      assertThat(journal.lastPosition()).isEqualTo(100);
      assertThat(replay(journal, 0)).containsExactlyElementsOf(expected(1, 100));
      assertThat(replay(journal, 97)).containsExactlyElementsOf(expected(98, 100));
      assertThat(replay(journal, 100)).isEmpty();
    }
  }

  @Test
  void positionsMayHaveGapsAndPayloadsMayBeEmptyOrLarge() throws IOException {
    byte[] large = new byte[3 * 1024 * 1024 + 17]; // bigger than the read and write buffers
    for (int i = 0; i < large.length; i++) {
      large[i] = (byte) (i * 31);
    }
    try (Journal journal = Journal.open(dir, JournalOptions.defaults())) {
      journal.append(5, new byte[0]);
      journal.append(10, large);
      journal.append(1_000_000_000_000L, "after".getBytes(UTF_8));
      journal.flush();
    }

    try (Journal journal = Journal.open(dir, JournalOptions.defaults())) {
      List<Long> positions = new ArrayList<>();
      List<byte[]> payloads = new ArrayList<>();
      journal.replay(
          0,
          (position, payload) -> {
            positions.add(position);
            payloads.add(payload);
          });
      assertThat(positions).containsExactly(5L, 10L, 1_000_000_000_000L);
      assertThat(payloads.get(0)).isEmpty();
      assertThat(Arrays.equals(payloads.get(1), large)).isTrue();
      assertThat(new String(payloads.get(2), UTF_8)).isEqualTo("after");
    }
  }

  @Test
  void emptyJournalReopensEmpty() throws IOException {
    try (Journal journal = Journal.open(dir, JournalOptions.defaults())) {
      assertThat(replay(journal, 0)).isEmpty();
      journal.flush();
    }
    assertThat(segmentFiles()).isEmpty();
    try (Journal journal = Journal.open(dir, JournalOptions.defaults())) {
      assertThat(journal.lastPosition()).isZero();
      assertThat(replay(journal, 0)).isEmpty();
    }
  }

  @Test
  void replaySeesEntriesNotYetFlushed() throws IOException {
    try (Journal journal = Journal.open(dir, JournalOptions.defaults())) {
      appendRange(journal, 1, 5);
      assertThat(replay(journal, 2)).containsExactlyElementsOf(expected(3, 5));
      appendRange(journal, 6, 7);
      assertThat(replay(journal, 0)).containsExactlyElementsOf(expected(1, 7));
    }
  }

  @Test
  void closeWritesBufferedEntriesEvenWithoutFsync() throws IOException {
    JournalOptions noFsync = new JournalOptions(JournalOptions.DEFAULT_SEGMENT_SIZE_BYTES, false);
    try (Journal journal = Journal.open(dir, noFsync)) {
      appendRange(journal, 1, 10);
      journal.flush();
      appendRange(journal, 11, 20);
    }
    try (Journal journal = Journal.open(dir, noFsync)) {
      assertThat(replay(journal, 0)).containsExactlyElementsOf(expected(1, 20));
    }
  }

  @Test
  void nonIncreasingPositionsAreRejected() throws IOException {
    try (Journal journal = Journal.open(dir, JournalOptions.defaults())) {
      assertThatThrownBy(() -> journal.append(0, payload(0)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> journal.append(-3, payload(0)))
          .isInstanceOf(IllegalArgumentException.class);
      journal.append(5, payload(5));
      assertThatThrownBy(() -> journal.append(5, payload(5)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("strictly increasing");
      assertThatThrownBy(() -> journal.append(4, payload(4)))
          .isInstanceOf(IllegalArgumentException.class);
      journal.append(6, payload(6));
      journal.flush();
      assertThat(replay(journal, 0)).containsExactly(entry(5), entry(6));
    }
    try (Journal journal = Journal.open(dir, JournalOptions.defaults())) {
      assertThatThrownBy(() -> journal.append(6, payload(6)))
          .isInstanceOf(IllegalArgumentException.class);
      journal.append(7, payload(7));
      assertThat(replay(journal, 0)).containsExactly(entry(5), entry(6), entry(7));
    }
  }

  @ParameterizedTest(name = "cut {0} bytes")
  @ValueSource(ints = {1, 7, 10, 16, 20, 25})
  void tornTailIsCutAndAppendsContinueAfterIt(int bytesCut) throws IOException {
    writeEntries(JournalOptions.defaults(), 1, 10);
    Path segment = singleSegment();
    long size = Files.size(segment);
    truncate(segment, size - bytesCut);

    try (Journal journal = Journal.open(dir, JournalOptions.defaults())) {
      assertThat(Files.size(segment)).isEqualTo(size - ENTRY_SIZE);
      assertThat(journal.lastPosition()).isEqualTo(9);
      assertThat(replay(journal, 0)).containsExactlyElementsOf(expected(1, 9));
      journal.append(10, payload(1010));
      journal.append(11, payload(1011));
      journal.flush();
    }

    try (Journal journal = Journal.open(dir, JournalOptions.defaults())) {
      List<Entry> expected = new ArrayList<>(expected(1, 9));
      expected.add(new Entry(10, text(1010)));
      expected.add(new Entry(11, text(1011)));
      assertThat(replay(journal, 0)).containsExactlyElementsOf(expected);
    }
  }

  /** Offsets inside the last entry: length, checksum, position and payload fields. */
  @ParameterizedTest(name = "flip byte {0} of last entry")
  @ValueSource(ints = {0, 3, 5, 9, 15, 16, 25})
  void corruptLastEntryIsCutAndAppendsContinueAfterIt(int offsetInEntry) throws IOException {
    writeEntries(JournalOptions.defaults(), 1, 10);
    Path segment = singleSegment();
    long size = Files.size(segment);
    flipByte(segment, size - ENTRY_SIZE + offsetInEntry);

    try (Journal journal = Journal.open(dir, JournalOptions.defaults())) {
      assertThat(journal.lastPosition()).isEqualTo(9);
      assertThat(replay(journal, 0)).containsExactlyElementsOf(expected(1, 9));
      journal.append(10, payload(10));
      journal.flush();
    }
    try (Journal journal = Journal.open(dir, JournalOptions.defaults())) {
      assertThat(replay(journal, 0)).containsExactlyElementsOf(expected(1, 10));
    }
  }

  @Test
  void corruptionInsideLastSegmentCutsEverythingFromTheCorruptEntryOn() throws IOException {
    writeEntries(JournalOptions.defaults(), 1, 10);
    Path segment = singleSegment();
    flipByte(segment, 8 + 4L * ENTRY_SIZE + 20); // payload of entry 5

    try (Journal journal = Journal.open(dir, JournalOptions.defaults())) {
      assertThat(journal.lastPosition()).isEqualTo(4);
      assertThat(replay(journal, 0)).containsExactlyElementsOf(expected(1, 4));
    }
  }

  @Test
  void lastSegmentWithoutAnyIntactEntryIsRemoved() throws IOException {
    writeEntries(THREE_PER_SEGMENT, 1, 10); // segments start at 1, 4, 7, 10
    Path last = dir.resolve(Journal.segmentFileName(10));
    truncate(last, Files.size(last) - 3);

    try (Journal journal = Journal.open(dir, THREE_PER_SEGMENT)) {
      assertThat(last).doesNotExist();
      assertThat(journal.lastPosition()).isEqualTo(9);
      journal.append(10, payload(10));
      journal.flush();
      assertThat(last).exists();
    }
    try (Journal journal = Journal.open(dir, THREE_PER_SEGMENT)) {
      assertThat(replay(journal, 0)).containsExactlyElementsOf(expected(1, 10));
    }
  }

  @Test
  void segmentWithTornHeaderIsRemoved() throws IOException {
    writeEntries(JournalOptions.defaults(), 1, 10);
    Path torn = dir.resolve(Journal.segmentFileName(11));
    Files.write(torn, new byte[] {'C', 'W'});

    try (Journal journal = Journal.open(dir, JournalOptions.defaults())) {
      assertThat(torn).doesNotExist();
      assertThat(journal.lastPosition()).isEqualTo(10);
      assertThat(replay(journal, 0)).containsExactlyElementsOf(expected(1, 10));
    }
  }

  @Test
  void corruptionInEarlierSegmentFailsOpenNamingFileAndOffset() throws IOException {
    writeEntries(THREE_PER_SEGMENT, 1, 10);
    Path first = dir.resolve(Journal.segmentFileName(1));
    long corruptEntryOffset = 8 + ENTRY_SIZE; // entry 2
    flipByte(first, corruptEntryOffset + 20);
    long sizeBefore = Files.size(first);

    assertThatThrownBy(() -> Journal.open(dir, THREE_PER_SEGMENT))
        .isInstanceOfSatisfying(
            JournalCorruptedException.class,
            e -> {
              assertThat(e.file()).isEqualTo(first);
              assertThat(e.offset()).isEqualTo(corruptEntryOffset);
            })
        .hasMessageContaining("journal-00000000000000000001.log")
        .hasMessageContaining("offset " + corruptEntryOffset)
        .hasMessageContaining("checksum");
    assertThat(Files.size(first)).isEqualTo(sizeBefore); // nothing was cut away

    // the failed open released the directory lock
    flipByte(first, corruptEntryOffset + 20);
    try (Journal journal = Journal.open(dir, THREE_PER_SEGMENT)) {
      assertThat(replay(journal, 0)).containsExactlyElementsOf(expected(1, 10));
    }
  }

  @Test
  void truncatedEarlierSegmentFailsOpen() throws IOException {
    writeEntries(THREE_PER_SEGMENT, 1, 10);
    Path second = dir.resolve(Journal.segmentFileName(4));
    truncate(second, Files.size(second) - 5);

    assertThatThrownBy(() -> Journal.open(dir, THREE_PER_SEGMENT))
        .isInstanceOf(JournalCorruptedException.class)
        .hasMessageContaining(second.getFileName().toString())
        .hasMessageContaining("offset " + (8 + 2 * ENTRY_SIZE));
  }

  @Test
  void segmentsRollAtTheConfiguredSizeAndReplayAcrossThem() throws IOException {
    try (Journal journal = Journal.open(dir, THREE_PER_SEGMENT)) {
      appendRange(journal, 1, 10);
      journal.flush();
      assertThat(replay(journal, 5)).containsExactlyElementsOf(expected(6, 10));
    }
    assertThat(segmentFileNames())
        .containsExactly(
            "journal-00000000000000000001.log",
            "journal-00000000000000000004.log",
            "journal-00000000000000000007.log",
            "journal-00000000000000000010.log");
    for (Path segment : segmentFiles()) {
      assertThat(Files.size(segment)).isLessThanOrEqualTo(100);
    }

    try (Journal journal = Journal.open(dir, THREE_PER_SEGMENT)) {
      assertThat(replay(journal, 0)).containsExactlyElementsOf(expected(1, 10));
      assertThat(replay(journal, 3)).containsExactlyElementsOf(expected(4, 10));
      assertThat(replay(journal, 4)).containsExactlyElementsOf(expected(5, 10));
      // the reopened last segment keeps filling up before the next roll
      appendRange(journal, 11, 13);
      journal.flush();
    }
    assertThat(segmentFileNames()).hasSize(5).last().isEqualTo("journal-00000000000000000013.log");
    try (Journal journal = Journal.open(dir, THREE_PER_SEGMENT)) {
      assertThat(replay(journal, 0)).containsExactlyElementsOf(expected(1, 13));
    }
  }

  @Test
  void entryLargerThanSegmentSizeGetsItsOwnSegment() throws IOException {
    byte[] big = new byte[500];
    try (Journal journal = Journal.open(dir, THREE_PER_SEGMENT)) {
      journal.append(1, payload(1));
      journal.append(2, big);
      journal.append(3, payload(3));
      journal.flush();
    }
    assertThat(segmentFileNames())
        .containsExactly(
            "journal-00000000000000000001.log",
            "journal-00000000000000000002.log",
            "journal-00000000000000000003.log");
    try (Journal journal = Journal.open(dir, THREE_PER_SEGMENT)) {
      List<Long> positions = new ArrayList<>();
      journal.replay(0, (position, payload) -> positions.add(position));
      assertThat(positions).containsExactly(1L, 2L, 3L);
    }
  }

  @Test
  void compactionDeletesOnlyFullyCoveredSegmentsAndKeepsReplayCorrect() throws IOException {
    try (Journal journal = Journal.open(dir, THREE_PER_SEGMENT)) {
      appendRange(journal, 1, 10); // segments [1-3] [4-6] [7-9] [10]
      journal.flush();

      assertThat(journal.firstPosition()).isEqualTo(1);
      journal.compactUpTo(3 - 1);
      assertThat(journal.wasCompacted()).as("nothing deleted yet").isFalse();
      journal.compactUpTo(5);
      assertThat(journal.firstPosition()).isEqualTo(4);
      assertThat(journal.wasCompacted()).isTrue();
      assertThat(segmentFileNames())
          .containsExactly(
              "journal-00000000000000000004.log",
              "journal-00000000000000000007.log",
              "journal-00000000000000000010.log");
      assertThat(replay(journal, 5)).containsExactlyElementsOf(expected(6, 10));
      assertThat(replay(journal, 0)).containsExactlyElementsOf(expected(4, 10));

      journal.compactUpTo(Long.MAX_VALUE);
      assertThat(segmentFileNames()).containsExactly("journal-00000000000000000010.log");
      assertThat(journal.lastPosition()).isEqualTo(10);
      assertThat(replay(journal, 9)).containsExactly(entry(10));

      appendRange(journal, 11, 12);
      journal.flush();
    }
    try (Journal journal = Journal.open(dir, THREE_PER_SEGMENT)) {
      assertThat(journal.wasCompacted()).as("remembered across restarts").isTrue();
      assertThat(journal.firstPosition()).isEqualTo(10);
      assertThat(journal.lastPosition()).isEqualTo(12);
      assertThat(replay(journal, 9)).containsExactlyElementsOf(expected(10, 12));
    }
  }

  @Test
  void anEmptyJournalHasNoFirstPosition() throws IOException {
    try (Journal journal = Journal.open(dir, JournalOptions.defaults())) {
      assertThat(journal.firstPosition()).isZero();
      journal.append(7, payload(7));
      assertThat(journal.firstPosition()).isEqualTo(7);
      assertThat(journal.wasCompacted()).as("skipped positions are no compaction").isFalse();
    }
  }

  @Test
  void compactionNeverDeletesTheActiveSegment() throws IOException {
    try (Journal journal = Journal.open(dir, JournalOptions.defaults())) {
      appendRange(journal, 1, 5);
      journal.flush();
      journal.compactUpTo(5);
      assertThat(segmentFiles()).hasSize(1);
      assertThat(replay(journal, 0)).containsExactlyElementsOf(expected(1, 5));
    }
  }

  @Test
  void directoryCanOnlyBeOpenedOnce() throws IOException {
    try (Journal journal = Journal.open(dir, JournalOptions.defaults())) {
      assertThatThrownBy(() -> Journal.open(dir, JournalOptions.defaults()))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("already open");
    }
    Journal.open(dir, JournalOptions.defaults()).close();
  }

  @Test
  void unknownFormatVersionFailsOpenWithoutTouchingTheFile() throws IOException {
    Path segment = dir.resolve(Journal.segmentFileName(1));
    byte[] header = {'C', 'W', 'J', 'L', 0, 0, 0, 2};
    Files.write(segment, header);

    assertThatThrownBy(() -> Journal.open(dir, JournalOptions.defaults()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("format version 2");
    assertThat(Files.readAllBytes(segment)).isEqualTo(header);
  }

  @Test
  void closedJournalRejectsUse() throws IOException {
    Journal journal = Journal.open(dir, JournalOptions.defaults());
    journal.close();
    journal.close(); // idempotent
    assertThatThrownBy(() -> journal.append(1, payload(1)))
        .isInstanceOf(IllegalStateException.class);
  }

  // ---------------------------------------------------------------- helpers

  record Entry(long position, String payload) {}

  private static byte[] payload(long i) {
    return text(i).getBytes(UTF_8);
  }

  private static String text(long i) {
    return String.format("entry-%04d", i);
  }

  private static Entry entry(long i) {
    return new Entry(i, text(i));
  }

  private static List<Entry> expected(long from, long to) {
    return LongStream.rangeClosed(from, to).mapToObj(JournalTest::entry).toList();
  }

  private static void appendRange(Journal journal, long from, long to) throws IOException {
    for (long i = from; i <= to; i++) {
      journal.append(i, payload(i));
    }
  }

  private void writeEntries(JournalOptions options, long from, long to) throws IOException {
    try (Journal journal = Journal.open(dir, options)) {
      appendRange(journal, from, to);
      journal.flush();
    }
  }

  private static List<Entry> replay(Journal journal, long after) throws IOException {
    List<Entry> entries = new ArrayList<>();
    journal.replay(
        after, (position, payload) -> entries.add(new Entry(position, new String(payload, UTF_8))));
    return entries;
  }

  private List<Path> segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().matches("journal-\\d{20}\\.log"))
          .sorted()
          .toList();
    }
  }

  private List<String> segmentFileNames() throws IOException {
    return segmentFiles().stream().map(p -> p.getFileName().toString()).toList();
  }

  private Path singleSegment() throws IOException {
    List<Path> files = segmentFiles();
    assertThat(files).hasSize(1);
    return files.get(0);
  }

  private static void truncate(Path file, long newSize) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(newSize);
    }
  }

  private static void flipByte(Path file, long offset) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(offset);
      int b = raf.read();
      raf.seek(offset);
      raf.write(b ^ 0xFF);
    }
  }
}
