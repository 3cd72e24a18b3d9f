package io.caseway.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.caseway.engine.Engine;
import io.caseway.engine.model.BpmnElementType;
import io.caseway.engine.protocol.Record;
import io.caseway.engine.protocol.RecordType;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.ProcessInstanceRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Process instances per second for start -> 3 service tasks -> end, durable journal on. Instances
 * are created concurrently over gRPC (at most {@code inflight} unfinished at a time) and their jobs
 * are done by the client's JobWorker API; an instance counts when the engine commits the process's
 * ELEMENT_COMPLETED event (seen through a record listener). Warm-up, then a timed window.
 *
 * <p>Options: mode=poll|stream|both (both), warmup=S (10), seconds=S (20), inflight=N (200),
 * maxJobsActive=N (200), pollInterval=ms (the client's default, 100), journalStats=true (print what the journal holds; slow on a large journal), restart=true (time
 * Engine.start on the run's journal afterwards, in a fresh JVM: the replay cost of history when no
 * instance is live).
 */
final class ThroughputBench {
  static final String PROCESS_ID = "bench-throughput";
  static final String[] TYPES = {"bench-a", "bench-b", "bench-c"};

  private ThroughputBench() {}

  static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(PROCESS_ID).startEvent("start")
        .serviceTask("task-a", t -> t.zeebeJobType(TYPES[0]))
        .serviceTask("task-b", t -> t.zeebeJobType(TYPES[1]))
        .serviceTask("task-c", t -> t.zeebeJobType(TYPES[2]))
        .endEvent("end").done();
  }

  static void run(BenchSupport.Options options) throws Exception {
    String mode = options.string("mode", "both");
    int warmup = options.integer("warmup", 10);
    int seconds = options.integer("seconds", 20);
    int inflight = options.integer("inflight", 200);
    int maxJobsActive = options.integer("maxJobsActive", 200);
    boolean journalStats = Boolean.parseBoolean(options.string("journalStats", "false"));
    int pollInterval = options.integer("pollInterval", 100);
    boolean restart = Boolean.parseBoolean(options.string("restart", "false"));
    BenchSupport.header("throughput: start -> 3 service tasks -> end, fsync on");
    System.out.printf(Locale.ROOT, "warm-up %d s, measured %d s, in-flight instances <= %d, maxJobsActive %d per worker, "
        + "worker pollInterval %d ms%n", warmup, seconds, inflight, maxJobsActive, pollInterval);
    List<String> results = new ArrayList<>();
    if (!mode.equals("stream")) {
      results.add(once(false, warmup, seconds, inflight, maxJobsActive, journalStats, pollInterval, restart));
    }
    if (!mode.equals("poll")) {
      results.add(once(true, warmup, seconds, inflight, maxJobsActive, journalStats, pollInterval, restart));
    }
    System.out.println();
    results.forEach(System.out::println);
  }

  private static String once(boolean streaming, int warmupSeconds, int seconds, int inflight, int maxJobsActive,
      boolean journalStats, int pollInterval, boolean restart) throws Exception {
    String label = streaming ? "streaming (streamEnabled=true)" : "long polling (streamEnabled=false)";
    System.out.println();
    System.out.println("--- " + label + " ---");
    Path dir = BenchSupport.freshDataDirectory("throughput");
    Semaphore permits = new Semaphore(inflight);
    AtomicLong created = new AtomicLong();
    AtomicLong completed = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong completedBeforeAnswer = new AtomicLong();
    ConcurrentHashMap<Long, Long> startedAt = new ConcurrentHashMap<>();
    BenchSupport.Latencies instanceLatency = new BenchSupport.Latencies(2_000_000);
    java.util.concurrent.atomic.AtomicLongArray window = new java.util.concurrent.atomic.AtomicLongArray(new long[] {Long.MAX_VALUE, Long.MAX_VALUE});
    Engine engine = BenchSupport.startDurableEngine(dir);
    CamundaClient client = null;
    List<JobWorker> workers = new ArrayList<>();
    AtomicLong createdTotal = new AtomicLong();
    try {
      engine.addRecordListener(records -> {
        for (Record r : records) {
          if (r.recordType() == RecordType.EVENT && r.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED
              && r.value() instanceof ProcessInstanceRecord pi
              && BpmnElementType.PROCESS.name().equals(pi.bpmnElementType())) {
            completed.incrementAndGet();
            permits.release();
            Long t0 = startedAt.remove(pi.processInstanceKey());
            long now = System.nanoTime();
            if (t0 == null) {
              completedBeforeAnswer.incrementAndGet();
            } else if (now >= window.get(0) && now <= window.get(1)) {
              instanceLatency.record(now - t0);
            }
          }
        }
      });
      client = BenchSupport.client(engine, maxJobsActive);
      BenchSupport.deploy(client, model(), PROCESS_ID + ".bpmn");
      for (String type : TYPES) {
        workers.add(client.newWorker().jobType(type)
            .handler((jobClient, job) -> jobClient.newCompleteCommand(job.getKey()).send()
                .exceptionally(e -> {
                  errors.incrementAndGet();
                  return null;
                }))
            .name("bench-" + type).maxJobsActive(maxJobsActive).pollInterval(java.time.Duration.ofMillis(pollInterval))
            .streamEnabled(streaming).open());
      }

      final CamundaClient c = client;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds + seconds + 5L);
      Thread creator = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted() && System.nanoTime() < deadline) {
          try {
            if (!permits.tryAcquire(1, TimeUnit.SECONDS)) {
              continue;
            }
          } catch (InterruptedException e) {
            return;
          }
          long t0 = System.nanoTime();
          c.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion().send().whenComplete((pi, e) -> {
            if (e != null) {
              errors.incrementAndGet();
              permits.release();
            } else {
              created.incrementAndGet();
              startedAt.put(pi.getProcessInstanceKey(), t0);
            }
          });
        }
      }, "bench-creator");
      creator.setDaemon(true);
      creator.start();

      BenchSupport.sleep(warmupSeconds * 1000L);
      System.out.printf(Locale.ROOT, "warm-up done: %d instances completed%n", completed.get());
      long c0 = completed.get();
      long cpu0 = BenchSupport.processCpuNanos();
      long engineCpu0 = BenchSupport.engineThreadCpuNanos();
      long t0 = System.nanoTime();
      window.set(0, t0);
      long[] perSecond = new long[seconds];
      long prev = c0;
      for (int s = 0; s < seconds; s++) {
        long target = t0 + TimeUnit.SECONDS.toNanos(s + 1L);
        long wait = target - System.nanoTime();
        if (wait > 0) {
          BenchSupport.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
        }
        long now = completed.get();
        perSecond[s] = now - prev;
        prev = now;
      }
      long t1 = System.nanoTime();
      window.set(1, t1);
      long c1 = completed.get();
      long cpu1 = BenchSupport.processCpuNanos();
      long engineCpu1 = BenchSupport.engineThreadCpuNanos();
      creator.interrupt();
      double elapsed = (t1 - t0) / 1e9;
      double rate = (c1 - c0) / elapsed;
      long min = Long.MAX_VALUE;
      long max = 0;
      for (long v : perSecond) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      double cpuCores = (cpu1 - cpu0) / 1e9 / elapsed;
      double engineThread = engineCpu0 < 0 ? -1 : (engineCpu1 - engineCpu0) / 1e9 / elapsed;
      System.out.println("per second: " + java.util.Arrays.toString(perSecond));
      System.out.printf(Locale.ROOT, "instance latency (create sent -> process completed): %s%n", instanceLatency.summary());
      System.out.printf(Locale.ROOT,
          "process CPU %.2f of %d cores; engine processing thread busy %.0f%% (CPU time / wall time)%n",
          cpuCores, Runtime.getRuntime().availableProcessors(), engineThread * 100);
      // drain: let the unfinished instances finish (bounded), so close() does not race them
      long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (completed.get() < created.get() && System.nanoTime() < drainUntil) {
        BenchSupport.sleep(50);
      }
      long journal = BenchSupport.directorySize(dir);
      String result = String.format(Locale.ROOT,
          "RESULT throughput %-34s %8.0f instances/s (per-second min %d, max %d; %d completed in %.1f s; "
              + "created total %d, completed total %d, errors %d; journal %s)",
          label, rate, min, max, c1 - c0, elapsed, created.get(), completed.get(), errors.get(),
          BenchSupport.mib(journal));
      System.out.println(result);
      if (completedBeforeAnswer.get() > 0) {
        System.out.println("(" + completedBeforeAnswer.get() + " instances completed before their create answer arrived; "
            + "not in the latency figures)");
      }
      createdTotal.set(created.get());
      return result;
    } finally {
      workers.forEach(JobWorker::close);
      if (client != null) {
        client.close();
      }
      engine.close();
      if (restart) {
        System.out.printf(Locale.ROOT, "RESULT restart after the run: journal %s for %d finished instances (0 waiting)%n",
            BenchSupport.mib(BenchSupport.directorySize(dir)), createdTotal.get());
        TimersBench.coldRestart(dir, "");
      }
      if (journalStats && createdTotal.get() > 0) {
        JournalStats.print(dir, createdTotal.get(), 16);
      }
      BenchSupport.deleteRecursively(dir);
    }
  }
}
