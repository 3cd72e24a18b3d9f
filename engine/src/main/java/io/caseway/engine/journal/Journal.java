package io.caseway.engine.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable, append-only journal of opaque entries, each identified by a caller-supplied, strictly
 * increasing position (positions are {@code > 0}; {@code 0} means "nothing").
 *
 * <h2>On-disk format</h2>
 *
 * The journal directory holds segment files named {@code journal-<first position>.log}, the
 * position zero-padded to 20 digits so that name order is position order. All integers are
 * big-endian. Each segment is:
 *
 * <pre>
 * header:  magic "CWJL" (4 bytes) | int format version (= 1)
 * entry*:  int payload length | int CRC32C over (position, payload) | long position | payload
 * </pre>
 *
 * The first entry's position equals the position in the file name, and positions increase across
 * entries and segments. A new segment is started when the next entry would make the current one
 * larger than {@link JournalOptions#segmentSizeBytes()}. A {@code journal.lock} file holds an OS
 * file lock while the journal is open, so two engines cannot share a directory. An empty {@code
 * journal.compacted} file, created before {@link #compactUpTo} first deletes a segment, records
 * for good that older entries were deleted ({@link #wasCompacted()}).
 *
 * <h2>Durability and recovery</h2>
 *
 * {@link #append} only fills a write buffer; {@link #flush} writes it and (with {@link
 * JournalOptions#fsync()}) forces it to disk, so callers group-commit a batch of appends with one
 * flush. {@link #open} verifies every entry of every segment. A damaged tail of the newest segment
 * (the trace of a crash during a write) is cut off with a warning, and a newest segment left with
 * no entries is deleted. Damage in any older segment cannot come from a crash and makes {@code
 * open} fail with {@link JournalCorruptedException}. After any I/O error while writing, the
 * journal refuses further use; reopen it to recover.
 *
 * <p>Not thread-safe: meant to be owned by the engine's single processing thread.
 */
public final class Journal implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

  /** "CWJL". */
  static final int SEGMENT_MAGIC = 0x43574A4C;

  static final int FORMAT_VERSION = 1;
  static final int SEGMENT_HEADER_SIZE = 8;
  static final int ENTRY_HEADER_SIZE = 16;
  static final int MAX_PAYLOAD_SIZE = Integer.MAX_VALUE - 1024;
  static final int WRITE_BUFFER_SIZE = 1 << 20;
  static final int READ_BUFFER_SIZE = 1 << 20;

  static final String LOCK_FILE_NAME = "journal.lock";
  static final String COMPACTED_FILE_NAME = "journal.compacted";
  private static final Pattern SEGMENT_NAME = Pattern.compile("journal-(\\d{20})\\.log");

  private final Path dir;
  private final JournalOptions options;
  private final List<Segment> segments = new ArrayList<>();
  private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(WRITE_BUFFER_SIZE);
  private final ByteBuffer scratch = ByteBuffer.allocate(ENTRY_HEADER_SIZE);
  private final CRC32C crc = new CRC32C();

  private FileChannel lockChannel;
  private FileLock lock;

  /** Channel of the newest segment, or null while there is no segment. */
  private FileChannel activeChannel;

  /** File offset in the newest segment at which the write buffer's contents belong. */
  private long writeOffset;

  private long lastPosition;
  private boolean unforced;
  private boolean replaying;
  private boolean closed;
  private boolean compacted;
  private IOException failure;

  private Journal(Path dir, JournalOptions options) {
    this.dir = dir;
    this.options = options;
  }

  /**
   * Opens (creating if needed) the journal in {@code dir}. Scans all segments and verifies every
   * entry's checksum; a torn or corrupt tail of the last segment is truncated away with a warning.
   *
   * @throws JournalCorruptedException if a segment other than the last one is damaged
   * @throws IOException if the directory is locked by another open journal, or on I/O errors
   */
  public static Journal open(Path dir, JournalOptions options) throws IOException {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(options, "options");
    Files.createDirectories(dir);
    Journal journal = new Journal(dir, options);
    try {
      journal.lockDirectory();
      journal.recover();
    } catch (IOException | RuntimeException e) {
      journal.releaseAfterFailedOpen(e);
      throw e;
    }
    return journal;
  }

  /**
   * Position of the first entry the journal still holds, or 0 if it is empty. Greater than the
   * first position ever appended once {@link #compactUpTo} has deleted segments.
   */
  public long firstPosition() {
    return segments.isEmpty() ? 0 : segments.get(0).firstPosition;
  }

  /**
   * Whether {@link #compactUpTo} ever deleted entries from this journal (remembered across
   * restarts): if so, the entries before {@link #firstPosition()} exist only in snapshots. Without
   * compaction the first position may still be above 1, as callers may skip positions.
   */
  public boolean wasCompacted() {
    return compacted;
  }

  /** Position of the last appended entry, or 0 if the journal is empty. */
  public long lastPosition() {
    return lastPosition;
  }

  /**
   * Appends an entry. The entry is buffered and only durable after {@link #flush()}. Starts a new
   * segment file when the current one would exceed {@link JournalOptions#segmentSizeBytes()}.
   *
   * @throws IllegalArgumentException if {@code position <= lastPosition()} or the payload is too
   *     large
   */
  public void append(long position, byte[] payload) throws IOException {
    ensureWritable();
    Objects.requireNonNull(payload, "payload");
    if (position <= lastPosition) {
      throw new IllegalArgumentException(
          "Journal positions must be strictly increasing: got "
              + position
              + " after "
              + lastPosition);
    }
    if (payload.length > MAX_PAYLOAD_SIZE) {
      throw new IllegalArgumentException("Payload too large: " + payload.length + " bytes");
    }
    int entrySize = ENTRY_HEADER_SIZE + payload.length;
    try {
      Segment active = activeSegment();
      if (active == null) {
        startSegment(position);
      } else if (active.hasEntries() && active.size + entrySize > options.segmentSizeBytes()) {
        rollTo(position);
      }
      active = activeSegment();

      crc.reset();
      crc.update(scratch.clear().putLong(0, position).array(), 0, Long.BYTES);
      crc.update(payload);
      int checksum = (int) crc.getValue();

      if (entrySize <= writeBuffer.capacity()) {
        if (writeBuffer.remaining() < entrySize) {
          drainWriteBuffer();
        }
        writeBuffer.putInt(payload.length).putInt(checksum).putLong(position).put(payload);
      } else {
        drainWriteBuffer();
        scratch.clear().putInt(payload.length).putInt(checksum).putLong(position).flip();
        writeDirect(scratch);
        writeDirect(ByteBuffer.wrap(payload));
      }
      active.size += entrySize;
      active.lastPosition = position;
      lastPosition = position;
      unforced = true;
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  /**
   * Makes everything appended so far durable: writes the buffer and, if {@link
   * JournalOptions#fsync()} is set, forces it to the device ({@code FileChannel.force(false)}).
   */
  public void flush() throws IOException {
    ensureWritable();
    if (activeChannel == null) {
      return;
    }
    try {
      drainWriteBuffer();
      if (options.fsync() && unforced) {
        activeChannel.force(false);
      }
      unforced = false;
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  /**
   * Calls {@code consumer} for every entry with {@code position > afterPosition}, in order.
   * Includes entries appended but not yet flushed. The consumer must not append to or compact this
   * journal.
   *
   * @throws JournalCorruptedException if an entry fails verification (the files were damaged
   *     after {@link #open})
   */
  public void replay(long afterPosition, EntryConsumer consumer) throws IOException {
    ensureWritable();
    Objects.requireNonNull(consumer, "consumer");
    try {
      drainWriteBuffer();
    } catch (IOException e) {
      failure = e;
      throw e;
    }
    List<Segment> toRead = new ArrayList<>(segments.size());
    List<Long> sizes = new ArrayList<>(segments.size());
    for (int i = 0; i < segments.size(); i++) {
      boolean nextStartsAfterRange =
          i + 1 < segments.size() && segments.get(i + 1).firstPosition - 1 <= afterPosition;
      if (!nextStartsAfterRange) {
        toRead.add(segments.get(i));
        sizes.add(segments.get(i).size);
      }
    }
    replaying = true;
    try {
      long previous = 0;
      for (int i = 0; i < toRead.size(); i++) {
        Segment segment = toRead.get(i);
        try (SegmentReader reader =
            SegmentReader.open(segment.path, sizes.get(i), segment.firstPosition)) {
          if (!reader.readHeader()) {
            throw reader.corruptionException();
          }
          while (true) {
            SegmentReader.Status status = reader.next(previous);
            if (status == SegmentReader.Status.END) {
              break;
            }
            if (status == SegmentReader.Status.CORRUPT) {
              throw reader.corruptionException();
            }
            previous = reader.entryPosition();
            if (previous > afterPosition) {
              consumer.accept(previous, reader.copyPayload());
            }
          }
        }
      }
    } finally {
      replaying = false;
    }
  }

  /**
   * Deletes whole segment files whose entries are all {@code <= position}, typically after a
   * snapshot at {@code position} was written. Never deletes the newest (active) segment.
   */
  public void compactUpTo(long position) throws IOException {
    ensureWritable();
    boolean deleted = false;
    while (segments.size() > 1 && segments.get(0).lastPosition <= position) {
      if (!compacted) {
        // durably before the first deletion: a crash in between must not hide that entries are gone
        Path marker = dir.resolve(COMPACTED_FILE_NAME);
        if (!Files.exists(marker)) {
          Files.createFile(marker);
          if (options.fsync()) {
            Fsync.directory(dir);
          }
        }
        compacted = true;
      }
      Segment oldest = segments.get(0);
      Files.deleteIfExists(oldest.path);
      segments.remove(0);
      deleted = true;
      LOG.debug("Deleted journal segment {} (entries up to {})", oldest.path, oldest.lastPosition);
    }
    if (deleted && options.fsync()) {
      Fsync.directory(dir);
    }
  }

  /** Flushes (unless an earlier write failed) and releases the files and the directory lock. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    IOException error = null;
    try {
      if (activeChannel != null && failure == null) {
        drainWriteBuffer();
        if (options.fsync() && unforced) {
          activeChannel.force(false);
        }
      }
    } catch (IOException e) {
      error = e;
    }
    error = closeQuietly(activeChannel, error);
    activeChannel = null;
    error = closeQuietly(lock, error);
    error = closeQuietly(lockChannel, error);
    if (error != null) {
      throw error;
    }
  }

  // ---------------------------------------------------------------- recovery

  private void lockDirectory() throws IOException {
    Path lockFile = dir.resolve(LOCK_FILE_NAME);
    lockChannel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      throw new IOException("Journal in " + dir + " is already open in this process", e);
    }
    if (lock == null) {
      throw new IOException("Journal in " + dir + " is locked by another process");
    }
  }

  private void recover() throws IOException {
    List<Segment> found = listSegments();
    long previous = 0;
    for (int i = 0; i < found.size(); i++) {
      Segment segment = found.get(i);
      boolean last = i == found.size() - 1;
      Scan scan = scan(segment, previous);
      if (scan.corruption() != null && !last) {
        throw scan.corruption();
      }
      if (last && scan.entryCount() == 0) {
        if (scan.corruption() == null) {
          LOG.info("Deleting journal segment {} which holds no entries", segment.path);
        } else {
          LOG.warn(
              "Deleting journal segment without any intact entry, probably an interrupted"
                  + " write: {}",
              scan.corruption().getMessage());
        }
        Files.delete(segment.path);
        if (options.fsync()) {
          Fsync.directory(dir);
        }
        continue;
      }
      if (scan.corruption() != null) {
        LOG.warn(
            "Truncating torn tail of journal segment: {}; dropping {} bytes, last intact entry"
                + " has position {}",
            scan.corruption().getMessage(),
            scan.fileSize() - scan.validEnd(),
            segment.lastPosition);
        try (FileChannel channel = FileChannel.open(segment.path, StandardOpenOption.WRITE)) {
          channel.truncate(scan.validEnd());
          if (options.fsync()) {
            channel.force(true);
          }
        }
      }
      segment.size = scan.validEnd();
      previous = Math.max(previous, segment.lastPosition);
      segments.add(segment);
    }
    lastPosition = previous;
    compacted = Files.exists(dir.resolve(COMPACTED_FILE_NAME));
    Segment active = activeSegment();
    if (active != null) {
      activeChannel = FileChannel.open(active.path, StandardOpenOption.WRITE);
      writeOffset = active.size;
    }
    LOG.debug(
        "Opened journal {}: {} segment(s), last position {}", dir, segments.size(), lastPosition);
  }

  /**
   * Verifies a segment, setting its {@code lastPosition}.
   *
   * @param corruption where and why verification stopped early, or null if the file is intact
   */
  private record Scan(
      long fileSize, long validEnd, int entryCount, JournalCorruptedException corruption) {}

  private static Scan scan(Segment segment, long previousPosition) throws IOException {
    try (SegmentReader reader = SegmentReader.open(segment.path, -1, segment.firstPosition)) {
      if (!reader.readHeader()) {
        return new Scan(reader.size(), 0, 0, reader.corruptionException());
      }
      long previous = previousPosition;
      while (true) {
        SegmentReader.Status status = reader.next(previous);
        if (status == SegmentReader.Status.END) {
          return new Scan(reader.size(), reader.validEnd(), reader.entryCount(), null);
        }
        if (status == SegmentReader.Status.CORRUPT) {
          return new Scan(
              reader.size(), reader.validEnd(), reader.entryCount(), reader.corruptionException());
        }
        previous = reader.entryPosition();
        segment.lastPosition = previous;
      }
    }
  }

  private List<Segment> listSegments() throws IOException {
    List<Segment> found = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "journal-*.log")) {
      for (Path path : stream) {
        Matcher matcher = SEGMENT_NAME.matcher(path.getFileName().toString());
        if (!matcher.matches()) {
          continue;
        }
        long first;
        try {
          first = Long.parseLong(matcher.group(1));
        } catch (NumberFormatException e) {
          LOG.warn("Ignoring file {} in journal directory: position out of range", path);
          continue;
        }
        found.add(new Segment(path, first));
      }
    }
    found.sort(Comparator.comparingLong(s -> s.firstPosition));
    return found;
  }

  private void releaseAfterFailedOpen(Exception cause) {
    closed = true;
    IOException error = closeQuietly(activeChannel, null);
    error = closeQuietly(lock, error);
    error = closeQuietly(lockChannel, error);
    if (error != null) {
      cause.addSuppressed(error);
    }
  }

  // ---------------------------------------------------------------- writing

  private Segment activeSegment() {
    return segments.isEmpty() ? null : segments.get(segments.size() - 1);
  }

  private void rollTo(long position) throws IOException {
    drainWriteBuffer();
    if (options.fsync() && unforced) {
      activeChannel.force(false);
    }
    unforced = false;
    FileChannel old = activeChannel;
    activeChannel = null;
    old.close();
    startSegment(position);
  }

  private void startSegment(long firstPosition) throws IOException {
    Path path = dir.resolve(segmentFileName(firstPosition));
    FileChannel channel =
        FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      if (options.fsync()) {
        Fsync.directory(dir);
      }
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    Segment segment = new Segment(path, firstPosition);
    segment.size = SEGMENT_HEADER_SIZE;
    segments.add(segment);
    activeChannel = channel;
    writeOffset = 0;
    writeBuffer.putInt(SEGMENT_MAGIC).putInt(FORMAT_VERSION);
    unforced = true;
    LOG.debug("Started journal segment {}", path);
  }

  private void drainWriteBuffer() throws IOException {
    if (writeBuffer.position() == 0) {
      return;
    }
    writeBuffer.flip();
    writeDirect(writeBuffer);
    writeBuffer.clear();
  }

  private void writeDirect(ByteBuffer source) throws IOException {
    while (source.hasRemaining()) {
      writeOffset += activeChannel.write(source, writeOffset);
    }
  }

  private void ensureWritable() throws IOException {
    if (closed) {
      throw new IllegalStateException("Journal in " + dir + " is closed");
    }
    if (replaying) {
      throw new IllegalStateException("Journal cannot be used from inside a replay consumer");
    }
    if (failure != null) {
      throw new IOException(
          "Journal in " + dir + " failed earlier and must be reopened: " + failure, failure);
    }
  }

  static String segmentFileName(long firstPosition) {
    return String.format("journal-%020d.log", firstPosition);
  }

  private static IOException closeQuietly(AutoCloseable closeable, IOException error) {
    if (closeable == null) {
      return error;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      IOException io = e instanceof IOException ioe ? ioe : new IOException(e);
      if (error == null) {
        return io;
      }
      error.addSuppressed(io);
    }
    return error;
  }

  private static final class Segment {
    final Path path;
    final long firstPosition;
    long lastPosition;
    long size;

    Segment(Path path, long firstPosition) {
      this.path = path;
      this.firstPosition = firstPosition;
    }

    boolean hasEntries() {
      return lastPosition != 0;
    }
  }
}
