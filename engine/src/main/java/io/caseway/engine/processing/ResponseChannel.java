package io.caseway.engine.processing;

import io.caseway.engine.protocol.Record;
import io.caseway.engine.protocol.RejectionType;

/** Where the answer to a command goes. Called only after the command's events are durable. */
public interface ResponseChannel {
  ResponseChannel NONE = new ResponseChannel() {
    @Override
    public void accept(Record record) {}

    @Override
    public void reject(RejectionType type, String reason) {}
  };

  void accept(Record record);

  void reject(RejectionType type, String reason);
}
