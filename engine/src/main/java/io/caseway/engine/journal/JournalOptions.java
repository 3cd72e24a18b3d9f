package io.caseway.engine.journal;

/**
 * Tuning knobs for a {@link Journal}.
 *
 * @param segmentSizeBytes soft upper bound for one segment file; the journal starts a new segment
 *     when the next entry would push the current one past this size (a single entry larger than
 *     this still gets a segment of its own)
 * @param fsync whether {@link Journal#flush()} forces written data to the storage device; with
 *     {@code false} a flush only hands the data to the operating system, which survives a crash of
 *     the JVM but not of the machine
 */
public record JournalOptions(long segmentSizeBytes, boolean fsync) {

  /** 64 MiB. */
  public static final long DEFAULT_SEGMENT_SIZE_BYTES = 64L * 1024 * 1024;

  public JournalOptions {
    if (segmentSizeBytes <= 0) {
      throw new IllegalArgumentException(
          "segmentSizeBytes must be positive, was " + segmentSizeBytes);
    }
  }

  /** 64 MiB segments, fsync on flush. */
  public static JournalOptions defaults() {
    return new JournalOptions(DEFAULT_SEGMENT_SIZE_BYTES, true);
  }
}
