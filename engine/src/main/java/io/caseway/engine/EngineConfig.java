package io.caseway.engine;

import io.caseway.engine.query.Projections;
import io.caseway.engine.journal.JournalOptions;
import java.nio.file.Path;

/**
 * How to run an engine. {@code dataDirectory} holds the journal and snapshots; the gRPC gateway
 * listens on {@code grpcPort} (0 picks a free port). {@code fsync} off trades durability for speed
 * (tests only). {@code keepRecords} keeps the committed record stream in memory for tests. A
 * snapshot of the state is taken every {@code snapshotEveryRecords} journaled events (0 or less:
 * only when the engine closes) and the journal is compacted behind it; {@code journalSegmentBytes}
 * is the size of the journal's segment files, the unit in which compaction deletes old entries. The
 * REST API v2 listens on {@code restPort} (0 picks a free port, -1 turns it off), the monitoring
 * endpoints on {@code monitoringPort} (likewise). {@code searchRetention} bounds the finished history
 * that the REST searches keep.
 */
public record EngineConfig(
    Path dataDirectory,
    String host,
    int grpcPort,
    boolean fsync,
    boolean keepRecords,
    long snapshotEveryRecords,
    long journalSegmentBytes,
    int restPort,
    int monitoringPort,
    Projections.Retention searchRetention) {

  public static final int DEFAULT_GRPC_PORT = 26500;
  /** The REST API v2 port (the Camunda client's default REST address). */
  public static final int DEFAULT_REST_PORT = 8080;
  public static final long DEFAULT_SNAPSHOT_EVERY_RECORDS = 100_000;
  /** The monitoring port (Camunda's management port: the clock and purge endpoints Camunda Process Test calls). */
  public static final int DEFAULT_MONITORING_PORT = 9600;

  public static EngineConfig defaults(Path dataDirectory) {
    return new EngineConfig(dataDirectory, "0.0.0.0", DEFAULT_GRPC_PORT, true, false, DEFAULT_SNAPSHOT_EVERY_RECORDS,
        JournalOptions.DEFAULT_SEGMENT_SIZE_BYTES, DEFAULT_REST_PORT,
        DEFAULT_MONITORING_PORT, Projections.Retention.DEFAULT);
  }

  public EngineConfig withGrpcPort(int port) {
    return new EngineConfig(dataDirectory, host, port, fsync, keepRecords, snapshotEveryRecords, journalSegmentBytes,
        restPort, monitoringPort, searchRetention);
  }

  public EngineConfig withKeepRecords(boolean keep) {
    return new EngineConfig(dataDirectory, host, grpcPort, fsync, keep, snapshotEveryRecords, journalSegmentBytes,
        restPort, monitoringPort, searchRetention);
  }

  public EngineConfig withFsync(boolean fsync) {
    return new EngineConfig(dataDirectory, host, grpcPort, fsync, keepRecords, snapshotEveryRecords, journalSegmentBytes,
        restPort, monitoringPort, searchRetention);
  }

  public EngineConfig withHost(String host) {
    return new EngineConfig(dataDirectory, host, grpcPort, fsync, keepRecords, snapshotEveryRecords, journalSegmentBytes,
        restPort, monitoringPort, searchRetention);
  }

  public EngineConfig withSnapshotEveryRecords(long records) {
    return new EngineConfig(dataDirectory, host, grpcPort, fsync, keepRecords, records, journalSegmentBytes, restPort,
        monitoringPort, searchRetention);
  }

  public EngineConfig withJournalSegmentBytes(long bytes) {
    return new EngineConfig(dataDirectory, host, grpcPort, fsync, keepRecords, snapshotEveryRecords, bytes, restPort,
        monitoringPort, searchRetention);
  }

  /** The REST API v2 port: 0 picks a free port, a negative port serves no REST API. */
  public EngineConfig withRestPort(int port) {
    return new EngineConfig(dataDirectory, host, grpcPort, fsync, keepRecords, snapshotEveryRecords, journalSegmentBytes,
        port, monitoringPort, searchRetention);
  }

  /** How much finished history the searches keep (finished instances by count and age). */
  public EngineConfig withSearchRetention(Projections.Retention retention) {
    return new EngineConfig(dataDirectory, host, grpcPort, fsync, keepRecords, snapshotEveryRecords, journalSegmentBytes,
        restPort, monitoringPort, retention);
  }

  /** The monitoring port (clock and purge for Camunda Process Test): 0 picks a free port, a negative port none. */
  public EngineConfig withMonitoringPort(int port) {
    return new EngineConfig(dataDirectory, host, grpcPort, fsync, keepRecords, snapshotEveryRecords, journalSegmentBytes,
        restPort, port, searchRetention);
  }
}
