package io.caseway.engine;

import io.caseway.engine.journal.JournalOptions;
import java.nio.file.Path;

/**
 * How to run an engine. {@code dataDirectory} holds the journal and snapshots; the gRPC gateway
 * listens on {@code grpcPort} (0 picks a free port). {@code fsync} off trades durability for speed
 * (tests only). {@code keepRecords} keeps the committed record stream in memory for tests. A
 * snapshot of the state is taken every {@code snapshotEveryRecords} journaled events (0 or less:
 * only when the engine closes) and the journal is compacted behind it; {@code journalSegmentBytes}
 * is the size of the journal's segment files, the unit in which compaction deletes old entries. The
 * REST API v2 listens on {@code restPort} (0 picks a free port, -1 turns it off).
 */
public record EngineConfig(
    Path dataDirectory,
    String host,
    int grpcPort,
    boolean fsync,
    boolean keepRecords,
    long snapshotEveryRecords,
    long journalSegmentBytes,
    int restPort) {

  public static final int DEFAULT_GRPC_PORT = 26500;
  /** The REST API v2 port (the Camunda client's default REST address). */
  public static final int DEFAULT_REST_PORT = 8080;
  public static final long DEFAULT_SNAPSHOT_EVERY_RECORDS = 100_000;

  public static EngineConfig defaults(Path dataDirectory) {
    return new EngineConfig(dataDirectory, "0.0.0.0", DEFAULT_GRPC_PORT, true, false, DEFAULT_SNAPSHOT_EVERY_RECORDS,
        JournalOptions.DEFAULT_SEGMENT_SIZE_BYTES, DEFAULT_REST_PORT);
  }

  public EngineConfig withGrpcPort(int port) {
    return new EngineConfig(dataDirectory, host, port, fsync, keepRecords, snapshotEveryRecords, journalSegmentBytes,
        restPort);
  }

  public EngineConfig withKeepRecords(boolean keep) {
    return new EngineConfig(dataDirectory, host, grpcPort, fsync, keep, snapshotEveryRecords, journalSegmentBytes,
        restPort);
  }

  public EngineConfig withFsync(boolean fsync) {
    return new EngineConfig(dataDirectory, host, grpcPort, fsync, keepRecords, snapshotEveryRecords, journalSegmentBytes,
        restPort);
  }

  public EngineConfig withHost(String host) {
    return new EngineConfig(dataDirectory, host, grpcPort, fsync, keepRecords, snapshotEveryRecords, journalSegmentBytes,
        restPort);
  }

  public EngineConfig withSnapshotEveryRecords(long records) {
    return new EngineConfig(dataDirectory, host, grpcPort, fsync, keepRecords, records, journalSegmentBytes, restPort);
  }

  public EngineConfig withJournalSegmentBytes(long bytes) {
    return new EngineConfig(dataDirectory, host, grpcPort, fsync, keepRecords, snapshotEveryRecords, bytes, restPort);
  }

  /** The REST API v2 port: 0 picks a free port, a negative port serves no REST API. */
  public EngineConfig withRestPort(int port) {
    return new EngineConfig(dataDirectory, host, grpcPort, fsync, keepRecords, snapshotEveryRecords, journalSegmentBytes,
        port);
  }
}
