package io.caseway.engine.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** File-system durability helpers shared by the journal and the snapshot store. */
final class Fsync {

  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  private Fsync() {}

  /**
   * Makes directory changes (created, renamed and deleted entries) durable. Windows cannot open a
   * directory as a file; there, NTFS journals metadata itself and the call is a no-op.
   */
  static void directory(Path dir) throws IOException {
    if (WINDOWS) {
      return;
    }
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
