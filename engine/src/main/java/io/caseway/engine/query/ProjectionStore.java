package io.caseway.engine.query;

import io.caseway.engine.processing.RecordListener;
import io.caseway.engine.processing.StateRecovery;
import io.caseway.engine.protocol.Record;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the {@link Projections} and the one thread that changes and reads them, so that keeping
 * the search history never holds up the processing thread.
 *
 * <ul>
 *   <li>Committed batches arrive as a {@link RecordListener} and are applied in order on the
 *       projection thread; searches run there too, so a search sees whole batches. The processing
 *       thread hands a batch over before it answers the command, so a search sent after an answer
 *       sees what that command did.
 *   <li>At each state snapshot the projections are written (gzipped JSON, {@code <position>.json.gz},
 *       three kept) on the projection thread, after the batches up to that position; {@link
 *       #savedPosition()} says which one is durable, and the journal is not compacted past it.
 *   <li>During recovery (before the engine runs) records are applied on the recovering thread.
 * </ul>
 */
public final class ProjectionStore implements StateRecovery.Sidecar, RecordListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProjectionStore.class);
  private static final String SUFFIX = ".json.gz";
  private static final int KEEP = 3;

  private final Projections projections;
  private final Path directory;
  private final boolean fsync;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "caseway-projections");
    t.setDaemon(true);
    return t;
  });
  private volatile long savedPosition = -1;

  public ProjectionStore(Projections projections, Path directory, boolean fsync) {
    this.projections = projections;
    this.directory = directory;
    this.fsync = fsync;
  }

  /** Runs a read on the projection thread; the read must copy what it returns. */
  public <T> CompletableFuture<T> search(Function<Projections, T> read) {
    return CompletableFuture.supplyAsync(() -> read.apply(projections), thread);
  }

  @Override
  public void onRecords(List<Record> records) {
    thread.execute(() -> {
      for (Record r : records) {
        projections.apply(r);
      }
    });
  }

  @Override
  public long load(long position) {
    List<Long> saved;
    try {
      saved = savedPositions();
    } catch (IOException e) {
      LOG.warn("Cannot list the search projections in {}: {}", directory, e.toString());
      return -1;
    }
    for (long at : saved) {
      if (at > position) {
        continue;
      }
      Path file = directory.resolve(at + SUFFIX);
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
        projections.read(in.readAllBytes());
        savedPosition = at;
        return at;
      } catch (IOException | RuntimeException e) {
        LOG.warn("Cannot read the search projections at position {} from {}: {}", at, file, e.toString());
        projections.reset();
      }
    }
    return -1;
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
    thread.execute(() -> write(position));
  }

  @Override
  public long savedPosition() {
    return savedPosition;
  }

  /** Waits for pending batches and saves, then stops the projection thread. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("The search projections did not finish their pending work within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void write(long position) {
    long started = System.nanoTime();
    int evicted = projections.evictHistory();
    Path target = directory.resolve(position + SUFFIX);
    Path temporary = directory.resolve(position + SUFFIX + ".tmp");
    try {
      Files.createDirectories(directory);
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        GZIPOutputStream out = new GZIPOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel),
            1 << 16), 1 << 16) {
          {
            def.setLevel(Deflater.BEST_SPEED); // time matters more than size here
          }
        };
        projections.write(out);
        out.finish();
        out.flush();
        if (fsync) {
          channel.force(true);
        }
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      savedPosition = position;
      prune();
      LOG.debug("Saved the search projections at position {} in {} ms ({} finished instances dropped by retention)",
          position, (System.nanoTime() - started) / 1_000_000, evicted);
    } catch (IOException | RuntimeException e) {
      // the journal keeps everything after the previous save, so nothing is lost
      LOG.error("Could not save the search projections at position {}; the journal is kept from position {}",
          position, savedPosition, e);
    }
  }

  private List<Long> savedPositions() throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
          .map(n -> n.substring(0, n.length() - SUFFIX.length())).filter(n -> n.matches("\\d+"))
          .map(Long::parseLong).sorted(Comparator.reverseOrder()).toList();
    }
  }

  private void prune() throws IOException {
    List<Long> positions = savedPositions();
    for (long old : positions.subList(Math.min(KEEP, positions.size()), positions.size())) {
      Files.deleteIfExists(directory.resolve(old + SUFFIX));
    }
  }
}
