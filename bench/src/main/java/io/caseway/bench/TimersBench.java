package io.caseway.bench;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.caseway.engine.Engine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.ObjectName;

/**
 * Memory per waiting process instance and restart time. Creates {@code count} instances of start
 * -> timer catch event (PT24H) -> end over gRPC (durable journal on), forces GC and takes the used
 * heap delta against the engine before the instances; then closes the engine and times {@code
 * Engine.start} on the same data directory (it replays the whole journal): once in a fresh JVM
 * (cold, as a real restart) and once in this JVM (warm JIT).
 *
 * <p>Options: count=N (100000), inflight=N (500), restartJfr=PATH (record the fresh-JVM restart
 * with JFR into PATH).
 */
final class TimersBench {
  static final String PROCESS_ID = "bench-timer";

  private TimersBench() {}

  static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(PROCESS_ID).startEvent("start")
        .intermediateCatchEvent("wait", e -> e.timerWithDuration("PT24H")).endEvent("end").done();
  }

  static void run(BenchSupport.Options options) throws Exception {
    int count = options.integer("count", 100_000);
    int inflight = options.integer("inflight", 500);
    String restartJfr = options.string("restartJfr", "");
    BenchSupport.header("memory and restart: " + count + " instances waiting on a PT24H timer, fsync on");
    Path dir = BenchSupport.freshDataDirectory("timers");
    List<String> results = new ArrayList<>();
    try {
      results.add(populate(dir, count, inflight));

      long journalBytes = BenchSupport.directorySize(dir);
      long segments;
      try (Stream<Path> files = Files.list(dir.resolve("journal"))) {
        segments = files.filter(p -> p.getFileName().toString().endsWith(".log")).count();
      }
      String size = String.format(Locale.ROOT, "RESULT journal size on disk: %s (%d bytes, %d segment files)",
          BenchSupport.mib(journalBytes), journalBytes, segments);
      System.out.println(size);
      results.add(size);
      JournalStats.print(dir, count + 100L, 12);

      results.add(coldRestart(dir, restartJfr));

      long r0 = System.nanoTime();
      Engine again = BenchSupport.startDurableEngine(dir);
      long restartMillis = (System.nanoTime() - r0) / 1_000_000;
      try {
        long timers = again.query(s -> (long) s.timers().size()).get(30, TimeUnit.SECONDS);
        long heap = usedHeapAfterGc();
        String warm = String.format(Locale.ROOT,
            "RESULT restart (same JVM, warm JIT): Engine.start returned after %d ms; %d timers recovered; "
                + "used heap after GC %s", restartMillis, timers, BenchSupport.mib(heap));
        System.out.println(warm);
        System.out.println("largest classes on the heap after the restart (GC.class_histogram):");
        System.out.println(classHistogram(12));
        results.add(warm);
      } finally {
        again.close();
      }
    } finally {
      BenchSupport.deleteRecursively(dir);
    }
    System.out.println();
    results.forEach(System.out::println);
  }

  /**
   * Phase one in its own frame, so that nothing of the first engine stays reachable from this
   * thread's stack when the heap is measured again after the restart.
   */
  private static String populate(Path dir, int count, int inflight) throws Exception {
    Engine engine = BenchSupport.startDurableEngine(dir);
    CamundaClient client = BenchSupport.client(engine, 32);
    try {
      BenchSupport.deploy(client, model(), PROCESS_ID + ".bpmn");
      // a few instances first so that lazily built structures and JIT are in the baseline
      createInstances(client, 100, 100);
      long before = usedHeapAfterGc();
      long timersBefore = engine.query(s -> (long) s.timers().size()).get(30, TimeUnit.SECONDS);
      System.out.printf(Locale.ROOT, "baseline: %d timers, used heap after GC %s%n", timersBefore, BenchSupport.mib(before));

      long t0 = System.nanoTime();
      long errors = createInstances(client, count, inflight);
      double createSeconds = (System.nanoTime() - t0) / 1e9;
      long timers = engine.query(s -> (long) s.timers().size()).get(30, TimeUnit.SECONDS);
      long elements = engine.query(s -> (long) s.elementInstances().size()).get(30, TimeUnit.SECONDS);
      System.out.printf(Locale.ROOT, "created %d instances in %.1f s (%.0f/s), errors %d; engine now holds %d timers, "
          + "%d element instances%n", count, createSeconds, count / createSeconds, errors, timers, elements);
      long after = usedHeapAfterGc();
      long delta = after - before;
      long added = timers - timersBefore;
      System.out.println("largest classes on the heap (GC.class_histogram):");
      System.out.println(classHistogram(22));
      String memory = String.format(Locale.ROOT,
          "RESULT memory  %d waiting timer instances: used heap delta %s (%s -> %s), %.0f bytes per instance; "
              + "projected for 100,000: %s",
          added, BenchSupport.mib(delta), BenchSupport.mib(before), BenchSupport.mib(after),
          (double) delta / Math.max(1, added), BenchSupport.mib(delta * 100_000L / Math.max(1, added)));
      System.out.println(memory);
      return memory;
    } finally {
      client.close();
      engine.close();
    }
  }

  /** Creates instances with at most {@code inflight} unanswered; returns the number of errors. */
  private static long createInstances(CamundaClient client, int count, int inflight) throws InterruptedException {
    Semaphore permits = new Semaphore(inflight);
    AtomicLong errors = new AtomicLong();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    for (int i = 0; i < count; i++) {
      if (!permits.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        throw new IllegalStateException("gave up after 10 minutes with " + i + " instances sent");
      }
      client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion().send().whenComplete((pi, e) -> {
        if (e != null) {
          errors.incrementAndGet();
        }
        permits.release();
      });
    }
    if (!permits.tryAcquire(inflight, Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
      throw new IllegalStateException("instances still unanswered after 10 minutes");
    }
    return errors.get();
  }

  static long usedHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 4; i++) {
      System.gc();
      BenchSupport.sleep(250);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  static String classHistogram(int lines) {
    try {
      Object out = ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      return ((String) out).lines().limit(lines).reduce((a, b) -> a + "\n" + b).orElse("");
    } catch (Exception e) {
      return "(class histogram unavailable: " + e + ")";
    }
  }

  /** Times Engine.start in a fresh JVM (as an operator's restart would be). */
  static String coldRestart(Path dir, String jfrFile) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("-Xm") || arg.startsWith("-XX:+Use")) {
        command.add(arg);
      }
    }
    if (!jfrFile.isEmpty()) {
      command.add("-XX:StartFlightRecording=filename=" + jfrFile + ",settings=profile");
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(BenchMain.class.getName());
    command.add("restart-child");
    command.add("dir=" + dir);
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String result = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        System.out.println("  [fresh JVM] " + line);
        if (line.startsWith("RESULT restart")) {
          result = line;
        }
      }
    }
    if (!child.waitFor(5, TimeUnit.MINUTES)) {
      child.destroyForcibly();
      throw new IllegalStateException("restart child did not finish in 5 minutes");
    }
    if (result == null) {
      throw new IllegalStateException("restart child printed no result (exit " + child.exitValue() + ")");
    }
    return result;
  }

  /** Runs in the fresh JVM: time Engine.start on an existing data directory. */
  static void restartChild(BenchSupport.Options options) throws Exception {
    Path dir = Path.of(options.string("dir", ""));
    long jvmStartedMillis = ManagementFactory.getRuntimeMXBean().getUptime();
    long t0 = System.nanoTime();
    Engine engine = BenchSupport.startDurableEngine(dir);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    try {
      long timers = engine.query(s -> (long) s.timers().size()).get(30, TimeUnit.SECONDS);
      System.out.printf(Locale.ROOT,
          "RESULT restart (fresh JVM): Engine.start returned after %d ms (JVM up %d ms before the call); %d timers recovered%n",
          millis, jvmStartedMillis, timers);
      long heap = usedHeapAfterGc();
      System.out.printf(Locale.ROOT, "RESULT heap after restart (fresh JVM, engine with %d timers, after GC): %s%n",
          timers, BenchSupport.mib(heap));
      System.out.println("largest classes on the heap after the restart (GC.class_histogram):");
      System.out.println(classHistogram(16));
    } finally {
      engine.close();
    }
  }
}
