package io.caseway.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.caseway.engine.Engine;
import io.caseway.engine.protocol.Record;
import io.caseway.engine.protocol.RecordType;
import io.caseway.engine.protocol.intent.JobIntent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Job latency, from the job's creation in the engine to the worker's handler receiving it, for
 * start -> 1 service task -> end, created at a fixed rate (open loop), durable journal on.
 *
 * <p>Two clocks, both taken in this JVM: (a) from the JOB CREATED record's {@code timestamp()}
 * (epoch ms, taken when the engine starts processing the command, so it includes the journal
 * write and fsync; ms resolution, so up to 1 ms too high) to {@code Instant.now()} in the
 * handler; (b) from {@code System.nanoTime()} in a record listener, which the engine calls right
 * after the batch holding the JOB CREATED event is durable, to {@code System.nanoTime()} in the
 * handler (delivery only).
 *
 * <p>Options: mode=poll|stream|both (both), rate=instances/s (200), warmup=S (5), seconds=S (20),
 * maxJobsActive=N (200), pollInterval=ms (the client's default, 100).
 */
final class LatencyBench {
  static final String PROCESS_ID = "bench-latency";
  static final String TYPE = "bench-latency";

  private LatencyBench() {}

  static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(PROCESS_ID).startEvent("start")
        .serviceTask("task", t -> t.zeebeJobType(TYPE)).endEvent("end").done();
  }

  private record Created(long nanos, long timestampMillis) {}

  static void run(BenchSupport.Options options) throws Exception {
    String mode = options.string("mode", "both");
    int rate = options.integer("rate", 200);
    int warmup = options.integer("warmup", 5);
    int seconds = options.integer("seconds", 20);
    int maxJobsActive = options.integer("maxJobsActive", 200);
    int pollInterval = options.integer("pollInterval", 100);
    BenchSupport.header("job latency: job created -> worker handler, fsync on");
    System.out.printf(Locale.ROOT, "open loop %d instances/s (1 job each), warm-up %d s, measured %d s, maxJobsActive %d, "
        + "worker pollInterval %d ms%n", rate, warmup, seconds, maxJobsActive, pollInterval);
    List<String> results = new ArrayList<>();
    if (!mode.equals("poll")) {
      results.addAll(once(true, rate, warmup, seconds, maxJobsActive, pollInterval));
    }
    if (!mode.equals("stream")) {
      results.addAll(once(false, rate, warmup, seconds, maxJobsActive, pollInterval));
    }
    System.out.println();
    results.forEach(System.out::println);
  }

  private static List<String> once(boolean streaming, int rate, int warmupSeconds, int seconds, int maxJobsActive,
      int pollInterval) {
    String label = streaming ? "streaming" : pollInterval == 100 ? "long polling" : "long poll " + pollInterval + "ms";
    System.out.println();
    System.out.println("--- " + label + " ---");
    Path dir = BenchSupport.freshDataDirectory("latency");
    ConcurrentHashMap<Long, Created> created = new ConcurrentHashMap<>();
    BenchSupport.Latencies fromTimestamp = new BenchSupport.Latencies(1_000_000);
    BenchSupport.Latencies fromCommit = new BenchSupport.Latencies(1_000_000);
    AtomicBoolean measuring = new AtomicBoolean();
    AtomicLong unmatched = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong skipped = new AtomicLong();
    AtomicLong received = new AtomicLong();
    Semaphore inflight = new Semaphore(Math.max(100, rate * 5));
    Engine engine = BenchSupport.startDurableEngine(dir);
    CamundaClient client = null;
    JobWorker worker = null;
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bench-ticker");
      t.setDaemon(true);
      return t;
    });
    try {
      engine.addRecordListener(records -> {
        long now = System.nanoTime();
        for (Record r : records) {
          if (r.recordType() == RecordType.EVENT && r.intent() == JobIntent.CREATED) {
            created.put(r.key(), new Created(now, r.timestamp()));
          }
        }
      });
      client = BenchSupport.client(engine, maxJobsActive);
      BenchSupport.deploy(client, model(), PROCESS_ID + ".bpmn");
      worker = client.newWorker().jobType(TYPE)
          .handler((jobClient, job) -> {
            long nanos = System.nanoTime();
            Instant wall = Instant.now();
            received.incrementAndGet();
            Created c = created.remove(job.getKey());
            if (c == null) {
              unmatched.incrementAndGet();
            } else if (measuring.get()) {
              fromCommit.record(nanos - c.nanos());
              long wallMicros = wall.getEpochSecond() * 1_000_000L + wall.getNano() / 1_000;
              fromTimestamp.record((wallMicros - c.timestampMillis() * 1_000L) * 1_000L);
            }
            jobClient.newCompleteCommand(job.getKey()).send().exceptionally(e -> {
              errors.incrementAndGet();
              return null;
            });
          })
          .name("bench-latency").maxJobsActive(maxJobsActive).pollInterval(java.time.Duration.ofMillis(pollInterval))
          .streamEnabled(streaming).open();
      BenchSupport.sleep(streaming ? 500 : 100); // let the worker open its stream / first poll

      final CamundaClient c = client;
      long periodMicros = Math.max(1, 1_000_000L / rate);
      ticker.scheduleAtFixedRate(() -> {
        if (!inflight.tryAcquire()) {
          skipped.incrementAndGet();
          return;
        }
        c.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion().send().whenComplete((pi, e) -> {
          inflight.release();
          if (e != null) {
            errors.incrementAndGet();
          }
        });
      }, 0, periodMicros, TimeUnit.MICROSECONDS);

      BenchSupport.sleep(warmupSeconds * 1000L);
      long r0 = received.get();
      long t0 = System.nanoTime();
      measuring.set(true);
      BenchSupport.sleep(seconds * 1000L);
      measuring.set(false);
      double elapsed = (System.nanoTime() - t0) / 1e9;
      long r1 = received.get();
      ticker.shutdownNow();
      BenchSupport.sleep(1000);
      System.out.printf(Locale.ROOT, "jobs received in the window: %d (%.0f/s); skipped ticks %d, errors %d, unmatched %d%n",
          r1 - r0, (r1 - r0) / elapsed, skipped.get(), errors.get(), unmatched.get());
      String a = String.format(Locale.ROOT, "RESULT latency %-13s from JOB CREATED timestamp (incl. commit): %s",
          label, fromTimestamp.summary());
      String b = String.format(Locale.ROOT, "RESULT latency %-13s from commit (listener nanoTime)       : %s",
          label, fromCommit.summary());
      System.out.println(a);
      System.out.println(b);
      return List.of(a, b);
    } finally {
      ticker.shutdownNow();
      if (worker != null) {
        worker.close();
      }
      if (client != null) {
        client.close();
      }
      engine.close();
      BenchSupport.deleteRecursively(dir);
    }
  }
}
