package io.caseway.bench;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The cost of one durable write on this disk, as the journal does it per batch: append a few KiB
 * to a file and {@code FileChannel.force(false)}. Bounds how many batches per second a single
 * processing thread can make durable. Options: count=N (2000), bytes=N (4096).
 */
final class FsyncBench {
  private FsyncBench() {}

  static void run(BenchSupport.Options options) throws Exception {
    int count = options.integer("count", 2000);
    int bytes = options.integer("bytes", 4096);
    BenchSupport.header("fsync: append " + bytes + " bytes + FileChannel.force(false), " + count + " times");
    Path dir = BenchSupport.freshDataDirectory("fsync");
    BenchSupport.Latencies latencies = new BenchSupport.Latencies(count);
    try (FileChannel channel = FileChannel.open(dir.resolve("fsync.log"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buffer = ByteBuffer.allocateDirect(bytes);
      long deadline = System.nanoTime() + 60_000_000_000L;
      long t0 = System.nanoTime();
      int done = 0;
      for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
        buffer.clear();
        long s = System.nanoTime();
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(false);
        latencies.record(System.nanoTime() - s);
        done++;
      }
      double elapsed = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "RESULT fsync write+force: %s; %.0f durable writes/s%n", latencies.summary(), done / elapsed);
    } finally {
      BenchSupport.deleteRecursively(dir);
    }
  }
}
