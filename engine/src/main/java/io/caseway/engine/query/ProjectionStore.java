package io.caseway.engine.query;

import io.caseway.engine.processing.StateRecovery;
import io.caseway.engine.protocol.Record;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link Projections} beside the state snapshots: written (gzipped JSON, {@code
 * <position>.json.gz}) just before each state snapshot at the same position, and loaded with the
 * snapshot recovery starts from; the journal after it is replayed into them like into the state.
 * The three newest files are kept (the snapshot store keeps two; one more covers a crash between
 * writing this file and the snapshot).
 */
public final class ProjectionStore implements StateRecovery.Sidecar {
  private static final Logger LOG = LoggerFactory.getLogger(ProjectionStore.class);
  private static final String SUFFIX = ".json.gz";
  private static final int KEEP = 3;

  private final Projections projections;
  private final Path directory;
  private final boolean fsync;

  public ProjectionStore(Projections projections, Path directory, boolean fsync) {
    this.projections = projections;
    this.directory = directory;
    this.fsync = fsync;
  }

  @Override
  public boolean load(long position) {
    Path file = directory.resolve(position + SUFFIX);
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (var in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
      projections.read(in.readAllBytes());
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot read the search projections at position {} from {}: {}", position, file, e.toString());
      projections.reset();
      return false;
    }
  }

  @Override
  public void reset() {
    projections.reset();
  }

  @Override
  public void apply(Record record) {
    projections.apply(record);
  }

  @Override
  public void save(long position) {
    try {
      Files.createDirectories(directory);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (var out = new GZIPOutputStream(bytes)) {
        out.write(projections.write());
      }
      Path target = directory.resolve(position + SUFFIX);
      Path temporary = directory.resolve(position + SUFFIX + ".tmp");
      Files.write(temporary, bytes.toByteArray());
      if (fsync) {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      prune();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the search projections at position " + position, e);
    }
  }

  private void prune() throws IOException {
    List<Long> positions;
    try (Stream<Path> files = Files.list(directory)) {
      positions = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
          .map(n -> n.substring(0, n.length() - SUFFIX.length())).filter(n -> n.matches("\\d+"))
          .map(Long::parseLong).sorted(java.util.Comparator.reverseOrder()).toList();
    }
    for (long old : positions.subList(Math.min(KEEP, positions.size()), positions.size())) {
      Files.deleteIfExists(directory.resolve(old + SUFFIX));
    }
  }
}
