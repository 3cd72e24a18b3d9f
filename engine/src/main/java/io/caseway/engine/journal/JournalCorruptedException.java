package io.caseway.engine.journal;

import java.io.IOException;
import java.io.Serial;
import java.nio.file.Path;

/**
 * Thrown when a journal file contains data that fails verification somewhere it cannot be explained
 * by an interrupted write (a bad checksum, a truncated entry or a damaged header in a segment that
 * is not the newest one, or any damage found while replaying). The message names the file and the
 * byte offset of the first entry that failed.
 */
public class JournalCorruptedException extends IOException {

  @Serial private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long offset;

  public JournalCorruptedException(Path file, long offset, String reason) {
    super("Journal file " + file + " is corrupt at byte offset " + offset + ": " + reason);
    this.file = file;
    this.offset = offset;
  }

  /** The damaged file. */
  public Path file() {
    return file;
  }

  /** Byte offset within {@link #file()} of the first entry (or header) that failed verification. */
  public long offset() {
    return offset;
  }
}
