package io.caseway.engine.processing;

import io.caseway.engine.protocol.Record;
import java.util.List;

/** Receives every committed event and rejection, in order (the record stream). */
@FunctionalInterface
public interface RecordListener {
  void onRecords(List<Record> records);
}
