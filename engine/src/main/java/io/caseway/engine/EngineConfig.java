package io.caseway.engine;

import java.nio.file.Path;

/**
 * How to run an engine. {@code dataDirectory} holds the journal and snapshots; the gRPC gateway
 * listens on {@code grpcPort} (0 picks a free port). {@code fsync} off trades durability for speed
 * (tests only). {@code keepRecords} keeps the committed record stream in memory for tests.
 */
public record EngineConfig(
    Path dataDirectory, String host, int grpcPort, boolean fsync, boolean keepRecords, long snapshotEveryRecords) {

  public static final int DEFAULT_GRPC_PORT = 26500;

  public static EngineConfig defaults(Path dataDirectory) {
    return new EngineConfig(dataDirectory, "0.0.0.0", DEFAULT_GRPC_PORT, true, false, 100_000);
  }

  public EngineConfig withGrpcPort(int port) {
    return new EngineConfig(dataDirectory, host, port, fsync, keepRecords, snapshotEveryRecords);
  }

  public EngineConfig withKeepRecords(boolean keep) {
    return new EngineConfig(dataDirectory, host, grpcPort, fsync, keep, snapshotEveryRecords);
  }

  public EngineConfig withFsync(boolean fsync) {
    return new EngineConfig(dataDirectory, host, grpcPort, fsync, keepRecords, snapshotEveryRecords);
  }

  public EngineConfig withHost(String host) {
    return new EngineConfig(dataDirectory, host, grpcPort, fsync, keepRecords, snapshotEveryRecords);
  }
}
