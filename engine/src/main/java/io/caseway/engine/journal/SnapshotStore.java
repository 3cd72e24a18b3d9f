package io.caseway.engine.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores snapshots of engine state, each tagged with the journal position it covers.
 *
 * <h2>On-disk format</h2>
 *
 * One file per snapshot, named {@code snapshot-<position>.snap} with the position zero-padded to 20
 * digits. All integers are big-endian:
 *
 * <pre>
 * magic "CWSN" (4 bytes) | int format version (= 1) | long position | int payload length
 *   | int CRC32C of payload | payload
 * </pre>
 *
 * A snapshot is written to {@code snapshot-<position>.snap.tmp}, forced to disk, renamed atomically
 * to its final name, and the directory is forced; a crash therefore leaves either the complete new
 * snapshot or none. Only then are other snapshots deleted: all but the {@code retainedSnapshots}
 * newest at or below the new position (default 1, i.e. only the new one), and every snapshot at a
 * higher position, which belongs to a history the caller has abandoned.
 *
 * <p>{@link #latest()} returns the highest-position snapshot that verifies (length and checksum);
 * damaged ones are skipped with a warning, and {@link #latestBefore(long)} lets a caller that
 * cannot use a verified snapshot fall back to the next older one. A snapshot found damaged does
 * not count towards the retained ones: the next {@link #write} deletes it. Methods are
 * synchronized, so a snapshot may be written from a thread other than the one reading, but only
 * one {@code SnapshotStore} may use a directory.
 */
public final class SnapshotStore {

  private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);

  /** "CWSN". */
  static final int MAGIC = 0x4357534E;

  static final int FORMAT_VERSION = 1;
  static final int HEADER_SIZE = 24;
  private static final String TEMP_SUFFIX = ".tmp";
  private static final Pattern SNAPSHOT_NAME = Pattern.compile("snapshot-(\\d{1,20})\\.snap");
  private static final Pattern TEMP_NAME = Pattern.compile("snapshot-\\d{1,20}\\.snap\\.tmp");

  private final Path dir;
  private final int retainedSnapshots;

  /** Positions of snapshots found damaged since the last write. */
  private final Set<Long> damaged = new HashSet<>();

  /** A store that keeps only the newest snapshot. The directory is created on first write. */
  public SnapshotStore(Path dir) {
    this(dir, 1);
  }

  /**
   * A store that keeps the {@code retainedSnapshots} newest snapshots, so that {@link #latest()}
   * can fall back if the newest one is damaged. Only useful if the journal still holds the entries
   * after the older snapshots' positions.
   */
  public SnapshotStore(Path dir, int retainedSnapshots) {
    this.dir = Objects.requireNonNull(dir, "dir");
    if (retainedSnapshots < 1) {
      throw new IllegalArgumentException(
          "retainedSnapshots must be at least 1, was " + retainedSnapshots);
    }
    this.retainedSnapshots = retainedSnapshots;
  }

  /**
   * Writes a snapshot atomically (temp file, fsync, rename, fsync directory), then deletes older
   * snapshots beyond the retained count, snapshots found damaged, and any snapshot at a higher
   * position.
   */
  public synchronized void write(long position, byte[] payload) throws IOException {
    if (position < 0) {
      throw new IllegalArgumentException("position must not be negative, was " + position);
    }
    Objects.requireNonNull(payload, "payload");
    Files.createDirectories(dir);
    Path target = dir.resolve(fileName(position));
    Path temp = dir.resolve(fileName(position) + TEMP_SUFFIX);

    CRC32C crc = new CRC32C();
    crc.update(payload);
    ByteBuffer header =
        ByteBuffer.allocate(HEADER_SIZE)
            .putInt(MAGIC)
            .putInt(FORMAT_VERSION)
            .putLong(position)
            .putInt(payload.length)
            .putInt((int) crc.getValue())
            .flip();
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      writeFully(channel, header);
      writeFully(channel, ByteBuffer.wrap(payload));
      channel.force(true);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw e;
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw e;
    }
    Fsync.directory(dir);
    LOG.debug("Wrote snapshot {} ({} bytes)", target, payload.length);
    damaged.remove(position);
    deleteSupersededFiles(position);
  }

  /**
   * The snapshot with the highest position whose length and checksum verify, or empty if there is
   * none. Damaged snapshots are skipped with a warning (and left on disk for inspection until the
   * next {@link #write}).
   */
  public synchronized Optional<Snapshot> latest() throws IOException {
    return newestVerified(Long.MAX_VALUE, true);
  }

  /**
   * The snapshot with the highest position below {@code position} whose length and checksum
   * verify, or empty if there is none: the fallback when the caller cannot use the snapshot at
   * {@code position} (for instance because it cannot decode it, or the journal no longer continues
   * from it). Damaged snapshots are skipped as in {@link #latest()}.
   */
  public synchronized Optional<Snapshot> latestBefore(long position) throws IOException {
    return newestVerified(position, false);
  }

  private Optional<Snapshot> newestVerified(long bound, boolean inclusive) throws IOException {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    List<Candidate> candidates = listSnapshots();
    candidates.sort(Comparator.comparingLong(Candidate::position).reversed());
    for (Candidate candidate : candidates) {
      if (candidate.position() > bound || (!inclusive && candidate.position() == bound)) {
        continue;
      }
      Optional<Snapshot> snapshot = read(candidate);
      if (snapshot.isPresent()) {
        return snapshot;
      }
    }
    return Optional.empty();
  }

  private Optional<Snapshot> read(Candidate candidate) throws IOException {
    Path path = candidate.path();
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < HEADER_SIZE) {
        return skip(candidate, "file has only " + size + " bytes, shorter than the header");
      }
      ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
      readFully(channel, header, 0);
      header.flip();
      int magic = header.getInt();
      int version = header.getInt();
      long position = header.getLong();
      int length = header.getInt();
      int storedCrc = header.getInt();
      if (magic != MAGIC) {
        return skip(candidate, "bad magic 0x" + Integer.toHexString(magic));
      }
      if (version != FORMAT_VERSION) {
        return skip(candidate, "unsupported format version " + version);
      }
      if (position != candidate.position()) {
        return skip(candidate, "header says position " + position + ", file name disagrees");
      }
      if (length < 0 || length != size - HEADER_SIZE) {
        return skip(
            candidate,
            "header declares " + length + " payload bytes, file holds " + (size - HEADER_SIZE));
      }
      byte[] payload = new byte[length];
      readFully(channel, ByteBuffer.wrap(payload), HEADER_SIZE);
      CRC32C crc = new CRC32C();
      crc.update(payload);
      if ((int) crc.getValue() != storedCrc) {
        return skip(candidate, "checksum mismatch");
      }
      return Optional.of(new Snapshot(position, payload));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private Optional<Snapshot> skip(Candidate candidate, String reason) {
    LOG.warn("Skipping damaged snapshot {}: {}", candidate.path(), reason);
    damaged.add(candidate.position());
    return Optional.empty();
  }

  private void deleteSupersededFiles(long writtenPosition) throws IOException {
    List<Candidate> candidates = listSnapshots();
    candidates.sort(Comparator.comparingLong(Candidate::position).reversed());
    int kept = 0;
    for (Candidate candidate : candidates) {
      if (candidate.position() <= writtenPosition
          && kept < retainedSnapshots
          && !damaged.contains(candidate.position())) {
        kept++;
        continue;
      }
      deleteQuietly(candidate.path());
    }
    damaged.clear();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "snapshot-*.tmp")) {
      for (Path path : stream) {
        if (TEMP_NAME.matcher(path.getFileName().toString()).matches()) {
          deleteQuietly(path);
        }
      }
    }
  }

  private List<Candidate> listSnapshots() throws IOException {
    List<Candidate> found = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "snapshot-*.snap")) {
      for (Path path : stream) {
        Matcher matcher = SNAPSHOT_NAME.matcher(path.getFileName().toString());
        if (!matcher.matches()) {
          continue;
        }
        try {
          found.add(new Candidate(path, Long.parseLong(matcher.group(1))));
        } catch (NumberFormatException e) {
          LOG.warn("Ignoring file {} in snapshot directory: position out of range", path);
        }
      }
    }
    return found;
  }

  static String fileName(long position) {
    return String.format("snapshot-%020d.snap", position);
  }

  private static void writeFully(FileChannel channel, ByteBuffer source) throws IOException {
    while (source.hasRemaining()) {
      channel.write(source);
    }
  }

  private static void readFully(FileChannel channel, ByteBuffer target, long offset)
      throws IOException {
    long at = offset;
    while (target.hasRemaining()) {
      int read = channel.read(target, at);
      if (read < 0) {
        throw new IOException("Unexpected end of snapshot file");
      }
      at += read;
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", path, e.toString());
    }
  }

  private record Candidate(Path path, long position) {}
}
