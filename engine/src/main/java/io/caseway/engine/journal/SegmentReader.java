package io.caseway.engine.journal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Streams the entries of one segment file through a large read buffer, verifying each entry. Used
 * both by recovery (to find the valid end of every segment) and by replay.
 *
 * <p>Not thread-safe. A payload is only valid until the next call to {@link #next(long)}.
 */
final class SegmentReader implements AutoCloseable {

  enum Status {
    ENTRY,
    END,
    CORRUPT
  }

  private final Path path;
  private final FileChannel channel;
  private final long size;
  private final long expectedFirstPosition;
  private final CRC32C crc = new CRC32C();

  /** Holds file bytes [bufferOffset, readOffset) between position and limit (read mode). */
  private ByteBuffer buffer;

  private long bufferOffset;
  private long readOffset;
  private int entryCount;

  private long entryOffset;
  private long entryPosition;
  private int payloadStart;
  private int payloadLength;
  private String corruption;

  private SegmentReader(Path path, FileChannel channel, long size, long expectedFirstPosition) {
    this.path = path;
    this.channel = channel;
    this.size = size;
    this.expectedFirstPosition = expectedFirstPosition;
    int initial = (int) Math.min(Journal.READ_BUFFER_SIZE, Math.max(size, 64));
    this.buffer = ByteBuffer.allocate(initial);
    this.buffer.limit(0);
  }

  /**
   * Opens a reader over the first {@code size} bytes of {@code path} (or the whole file when
   * {@code size} is negative).
   */
  static SegmentReader open(Path path, long size, long expectedFirstPosition) throws IOException {
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
    try {
      long actualSize = channel.size();
      long readable = size < 0 ? actualSize : size;
      if (readable > actualSize) {
        throw new JournalCorruptedException(
            path, actualSize, "file is shorter than the " + readable + " bytes written to it");
      }
      return new SegmentReader(path, channel, readable, expectedFirstPosition);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  long size() {
    return size;
  }

  /**
   * Reads and checks the segment header.
   *
   * @return {@code false} if the header is incomplete or has the wrong magic; {@link #corruption()}
   *     then says why
   * @throws IOException if the header declares a format version this code cannot read
   */
  boolean readHeader() throws IOException {
    entryOffset = 0;
    if (size < Journal.SEGMENT_HEADER_SIZE) {
      corruption = "incomplete segment header (" + size + " bytes)";
      return false;
    }
    fill(Journal.SEGMENT_HEADER_SIZE);
    int magic = buffer.getInt();
    int version = buffer.getInt();
    bufferOffset = Journal.SEGMENT_HEADER_SIZE;
    if (magic != Journal.SEGMENT_MAGIC) {
      corruption = "not a journal segment (bad magic 0x" + Integer.toHexString(magic) + ")";
      return false;
    }
    if (version != Journal.FORMAT_VERSION) {
      throw new IOException(
          "Journal file "
              + path
              + " has format version "
              + version
              + ", this engine reads version "
              + Journal.FORMAT_VERSION);
    }
    return true;
  }

  /**
   * Advances to the next entry.
   *
   * @param previousPosition position of the entry before this one (across segments); the next
   *     entry must be greater
   */
  Status next(long previousPosition) throws IOException {
    entryOffset = bufferOffset;
    long remaining = size - entryOffset;
    if (remaining == 0) {
      return Status.END;
    }
    if (remaining < Journal.ENTRY_HEADER_SIZE) {
      return corrupt("incomplete entry header (" + remaining + " bytes left)");
    }
    fill(Journal.ENTRY_HEADER_SIZE);
    int p = buffer.position();
    int length = buffer.getInt(p);
    int storedCrc = buffer.getInt(p + 4);
    long position = buffer.getLong(p + 8);
    if (length < 0 || length > Journal.MAX_PAYLOAD_SIZE) {
      return corrupt("invalid payload length " + length);
    }
    if (length > remaining - Journal.ENTRY_HEADER_SIZE) {
      return corrupt(
          "incomplete payload (declared "
              + length
              + " bytes, "
              + (remaining - Journal.ENTRY_HEADER_SIZE)
              + " left)");
    }
    fill(Journal.ENTRY_HEADER_SIZE + length);
    p = buffer.position();
    crc.reset();
    // position and payload are adjacent on disk, so one pass covers both
    crc.update(buffer.array(), buffer.arrayOffset() + p + 8, 8 + length);
    if ((int) crc.getValue() != storedCrc) {
      return corrupt("checksum mismatch (entry claims position " + position + ")");
    }
    if (entryCount == 0 && position != expectedFirstPosition) {
      return corrupt(
          "first entry has position "
              + position
              + " but the file name says "
              + expectedFirstPosition);
    }
    if (position <= previousPosition) {
      return corrupt(
          "position " + position + " is not greater than the preceding " + previousPosition);
    }
    entryPosition = position;
    payloadStart = p + Journal.ENTRY_HEADER_SIZE;
    payloadLength = length;
    buffer.position(payloadStart + length);
    bufferOffset += Journal.ENTRY_HEADER_SIZE + length;
    entryCount++;
    return Status.ENTRY;
  }

  long entryPosition() {
    return entryPosition;
  }

  byte[] copyPayload() {
    int from = buffer.arrayOffset() + payloadStart;
    return Arrays.copyOfRange(buffer.array(), from, from + payloadLength);
  }

  /** File offset of the entry last returned, or where the corruption was found. */
  long entryOffset() {
    return entryOffset;
  }

  /** File offset just past the last valid entry read so far. */
  long validEnd() {
    return bufferOffset;
  }

  int entryCount() {
    return entryCount;
  }

  String corruption() {
    return corruption;
  }

  JournalCorruptedException corruptionException() {
    return new JournalCorruptedException(path, entryOffset, corruption);
  }

  private Status corrupt(String reason) {
    corruption = reason;
    return Status.CORRUPT;
  }

  /** Ensures at least {@code n} bytes are readable; the caller has checked they exist in file. */
  private void fill(int n) throws IOException {
    if (buffer.remaining() >= n) {
      return;
    }
    if (buffer.capacity() < n) {
      ByteBuffer bigger = ByteBuffer.allocate(n);
      bigger.put(buffer);
      buffer = bigger;
    } else {
      buffer.compact();
    }
    while (buffer.hasRemaining() && readOffset < size) {
      long left = size - readOffset;
      if (left < buffer.remaining()) {
        buffer.limit(buffer.position() + (int) left);
      }
      int read = channel.read(buffer, readOffset);
      if (read < 0) {
        throw new EOFException("Journal file " + path + " shrank while being read");
      }
      readOffset += read;
    }
    buffer.flip();
    if (buffer.remaining() < n) {
      throw new EOFException("Journal file " + path + " shrank while being read");
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
