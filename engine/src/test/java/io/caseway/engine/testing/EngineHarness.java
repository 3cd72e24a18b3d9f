package io.caseway.engine.testing;

import io.camunda.client.CamundaClient;
import io.caseway.engine.Engine;
import io.caseway.engine.EngineConfig;
import io.caseway.engine.model.BpmnElementType;
import io.caseway.engine.protocol.Intent;
import io.caseway.engine.protocol.Record;
import io.caseway.engine.protocol.RecordType;
import io.caseway.engine.protocol.ValueType;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.ProcessInstanceRecord;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;

/**
 * An engine on a data directory plus an unmodified Camunda client talking to it over gRPC, and
 * helpers to read the committed record stream. Can stop and restart the engine on the same data.
 */
public final class EngineHarness implements AutoCloseable {
  private final Path dataDirectory;
  private final UnaryOperator<EngineConfig> configure;
  private final List<Record> records = new java.util.concurrent.CopyOnWriteArrayList<>();
  private Engine engine;
  private CamundaClient client;

  public EngineHarness(Path dataDirectory) {
    this(dataDirectory, UnaryOperator.identity());
  }

  /** A harness whose engine configuration (test defaults: free port, no fsync) {@code configure} adjusts. */
  public EngineHarness(Path dataDirectory, UnaryOperator<EngineConfig> configure) {
    this.dataDirectory = dataDirectory;
    this.configure = configure;
    start();
  }

  private void start() {
    engine = Engine.start(configure.apply(
        EngineConfig.defaults(dataDirectory).withGrpcPort(0).withRestPort(0).withMonitoringPort(0).withHost("127.0.0.1")
            .withFsync(false)));
    engine.addRecordListener(records::addAll);
    client = CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://127.0.0.1:" + engine.grpcPort()))
        .restAddress(URI.create("http://127.0.0.1:" + Math.max(1, engine.restPort())))
        .preferRestOverGrpc(false)
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** Stops the engine (as a crash would, from the client's view) and starts a new one on the same data. */
  public void restart() {
    client.close();
    engine.close();
    start();
  }

  public Engine engine() {
    return engine;
  }

  public CamundaClient client() {
    return client;
  }

  /**
   * A new client that must go over REST: its gRPC address points where nothing listens. The caller
   * closes it (and re-creates it after {@link #restart()}, which moves the REST port).
   */
  public CamundaClient newRestOnlyClient() {
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://127.0.0.1:1"))
        .restAddress(URI.create("http://127.0.0.1:" + engine.restPort()))
        .preferRestOverGrpc(true)
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** Every record committed since the harness started, across restarts (replay emits none). */
  public List<Record> records() {
    return List.copyOf(records);
  }

  /** The element lifecycle of a process instance as "ELEMENT_ID:INTENT" lines, in order. */
  public List<String> lifecycle(long processInstanceKey) {
    return records().stream()
        .filter(r -> r.recordType() == RecordType.EVENT && r.valueType() == ValueType.PROCESS_INSTANCE)
        .filter(r -> ((ProcessInstanceRecord) r.value()).processInstanceKey() == processInstanceKey)
        .map(r -> ((ProcessInstanceRecord) r.value()).elementId() + ":" + r.intent().name())
        .toList();
  }

  public Record awaitRecord(Predicate<Record> match) {
    return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
        .until(() -> records().stream().filter(match).findFirst().orElse(null), r -> r != null);
  }

  public static Predicate<Record> event(Intent intent) {
    return r -> r.recordType() == RecordType.EVENT && r.intent() == intent;
  }

  public void awaitProcessCompleted(long processInstanceKey) {
    awaitRecord(r -> r.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED
        && r.value() instanceof ProcessInstanceRecord pi && pi.processInstanceKey() == processInstanceKey
        && BpmnElementType.PROCESS.name().equals(pi.bpmnElementType()));
  }

  @Override
  public void close() {
    client.close();
    engine.close();
  }
}
