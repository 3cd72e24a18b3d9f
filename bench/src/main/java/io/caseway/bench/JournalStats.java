package io.caseway.bench;

import io.caseway.engine.journal.Journal;
import io.caseway.engine.journal.JournalOptions;
import io.caseway.engine.processing.RecordCodec;
import io.caseway.engine.protocol.Record;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the journal holds: entries and payload bytes per record kind (value type and intent), read
 * back with the engine's own journal and codec. Run only on a closed engine's data directory.
 */
final class JournalStats {
  private JournalStats() {}

  static void print(Path dataDirectory, long instances, int top) throws Exception {
    Map<String, long[]> byKind = new HashMap<>();
    Map<String, String> sample = new HashMap<>();
    long[] totals = new long[2];
    RecordCodec codec = new RecordCodec();
    try (Journal journal = Journal.open(dataDirectory.resolve("journal"), new JournalOptions(JournalOptions.DEFAULT_SEGMENT_SIZE_BYTES, false))) {
      journal.replay(0, (position, payload) -> {
        Record r = codec.decode(payload);
        String kind = r.valueType() + "." + r.intent().name();
        long[] c = byKind.computeIfAbsent(kind, k -> new long[2]);
        c[0]++;
        c[1] += payload.length;
        totals[0]++;
        totals[1] += payload.length;
        sample.putIfAbsent(kind, new String(payload, StandardCharsets.UTF_8));
      });
    }
    System.out.printf(Locale.ROOT, "journal content: %d entries, %s payload (+16 bytes header each); per instance: %.1f entries, "
        + "%.0f bytes%n", totals[0], BenchSupport.mib(totals[1]), (double) totals[0] / instances,
        (double) (totals[1] + 16 * totals[0]) / instances);
    System.out.println("  entries   avg bytes   share  kind");
    byKind.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed())
        .limit(top).forEach(e -> System.out.printf(Locale.ROOT, "  %8d   %9.0f   %4.1f%%  %s%n", e.getValue()[0],
            (double) e.getValue()[1] / e.getValue()[0], 100.0 * e.getValue()[1] / totals[1], e.getKey()));
    String biggest = byKind.entrySet().stream().max(Comparator.comparingLong(e -> e.getValue()[1])).map(Map.Entry::getKey)
        .orElse(null);
    if (biggest != null) {
      String s = sample.get(biggest);
      System.out.println("  example " + biggest + " entry: " + (s.length() > 600 ? s.substring(0, 600) + "..." : s));
    }
  }
}
