package io.caseway.bench;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording's method samples (what {@code jfr print --events jdk.ExecutionSample}
 * prints, aggregated): samples per thread, top self methods, and inclusive shares of the engine's
 * own methods; plus native samples (threads in I/O such as fsync). Options: file=PATH (required),
 * top=N (25), thread=SUBSTRING (all threads).
 */
final class JfrSummary {
  private JfrSummary() {}

  private static final class Tally {
    final Map<String, Long> threads = new HashMap<>();
    final Map<String, Long> self = new HashMap<>();
    final Map<String, Long> inclusive = new HashMap<>();
    final Map<String, Long> firstEngineFrame = new HashMap<>();
    long total;
  }

  static void run(BenchSupport.Options options) throws Exception {
    Path file = Path.of(options.string("file", ""));
    int top = options.integer("top", 25);
    String threadFilter = options.string("thread", "");
    Tally java = new Tally();
    Tally nativeSamples = new Tally();
    try (RecordingFile recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent e = recording.readEvent();
        String type = e.getEventType().getName();
        Tally t = switch (type) {
          case "jdk.ExecutionSample" -> java;
          case "jdk.NativeMethodSample" -> nativeSamples;
          default -> null;
        };
        if (t == null) {
          continue;
        }
        RecordedThread thread = e.getThread("sampledThread");
        String threadName = thread == null ? "?" : String.valueOf(thread.getJavaName());
        if (!threadFilter.isEmpty() && !threadName.contains(threadFilter)) {
          continue;
        }
        RecordedStackTrace stack = e.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
          continue;
        }
        t.total++;
        t.threads.merge(threadGroupName(threadName), 1L, Long::sum);
        List<RecordedFrame> frames = stack.getFrames();
        t.self.merge(name(frames.get(0).getMethod()), 1L, Long::sum);
        Set<String> seen = new HashSet<>();
        boolean firstFound = false;
        for (RecordedFrame f : frames) {
          String m = name(f.getMethod());
          if (m.startsWith("io.caseway.engine.")) {
            if (seen.add(m)) {
              t.inclusive.merge(m, 1L, Long::sum);
            }
            if (!firstFound) {
              t.firstEngineFrame.merge(m, 1L, Long::sum);
              firstFound = true;
            }
          }
        }
      }
    }
    System.out.println("JFR summary of " + file + (threadFilter.isEmpty() ? "" : " (threads containing '" + threadFilter + "')"));
    print("jdk.ExecutionSample (threads running Java code)", java, top);
    print("jdk.NativeMethodSample (threads in native code: I/O, fsync, epoll, parking)", nativeSamples, top);
  }

  /** Groups numbered pool threads (grpc-default-executor-3 -> grpc-default-executor-N). */
  private static String threadGroupName(String name) {
    return name.replaceAll("\\d+", "N");
  }

  private static String name(RecordedMethod m) {
    if (m == null) {
      return "?";
    }
    return m.getType().getName() + "." + m.getName();
  }

  private static void print(String title, Tally t, int top) {
    System.out.println();
    System.out.println("## " + title + ": " + t.total + " samples");
    if (t.total == 0) {
      return;
    }
    table("samples per thread", t.threads, t.total, top);
    table("top methods (self: the sampled frame)", t.self, t.total, top);
    table("engine methods, inclusive (share of samples with the method on the stack)", t.inclusive, t.total, top);
    table("innermost engine frame (the engine code responsible for the sample)", t.firstEngineFrame, t.total, top);
  }

  private static void table(String title, Map<String, Long> counts, long total, int top) {
    System.out.println("-- " + title);
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(top)
        .forEach(e -> System.out.printf(Locale.ROOT, "%6.1f%% %7d  %s%n", 100.0 * e.getValue() / total, e.getValue(), e.getKey()));
  }
}
