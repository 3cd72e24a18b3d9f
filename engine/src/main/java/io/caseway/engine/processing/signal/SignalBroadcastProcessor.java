package io.caseway.engine.processing.signal;

import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.processing.bpmn.behavior.BpmnVariableBehavior;
import io.caseway.engine.protocol.value.SignalRecord;

/** BroadcastSignal: refuses a signal without a name or with variables that are not a JSON object. */
public final class SignalBroadcastProcessor implements CommandProcessor {
  private final SignalBroadcastBehavior broadcast;

  public SignalBroadcastProcessor(SignalBroadcastBehavior broadcast) {
    this.broadcast = broadcast;
  }

  @Override
  public void process(Command command, ProcessingContext ctx) {
    SignalRecord signal = (SignalRecord) command.value();
    if (signal.signalName() == null || signal.signalName().isBlank()) {
      throw Rejection.invalidArgument("Expected a signal name to broadcast, but it was empty");
    }
    BpmnVariableBehavior.requireDocument(signal.variables());
    ctx.respond(broadcast.broadcast(ctx, signal));
  }
}
