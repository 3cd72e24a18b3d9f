package io.caseway.engine.processing.signal;

import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.BpmnVariableBehavior;
import io.caseway.engine.protocol.Record;
import io.caseway.engine.protocol.intent.SignalIntent;
import io.caseway.engine.protocol.value.SignalRecord;
import io.caseway.engine.protocol.value.SignalSubscriptionRecord;
import io.caseway.engine.state.ElementInstance;

/**
 * Broadcasts a signal (by command, or from a throw or end event): one BROADCASTED event, then every
 * subscription of its name at that moment is triggered, oldest first: a signal start event starts
 * an instance of its process with the signal's variables; a waiting element instance has its
 * catch event, boundary event or event sub-process triggered.
 */
public final class SignalBroadcastBehavior {
  private final BpmnBehaviors b;
  private final BpmnElementLifecycle lifecycle;

  public SignalBroadcastBehavior(BpmnBehaviors b, BpmnElementLifecycle lifecycle) {
    this.b = b;
    this.lifecycle = lifecycle;
  }

  public Record broadcast(ProcessingContext ctx, SignalRecord signal) {
    Record broadcasted = ctx.event(ctx.newKey(), SignalIntent.BROADCASTED, signal);
    for (long key : ctx.state().signals().subscriptions(signal.signalName())) {
      SignalSubscriptionRecord sub = ctx.state().signals().subscription(key);
      if (sub == null) {
        continue; // closed by an earlier trigger of this broadcast
      }
      if (sub.catchEventInstanceKey() < 0) {
        var process = ctx.state().deployments().process(sub.processDefinitionKey());
        ExecutableElement start = process.executable().element(sub.catchEventId());
        b.starter().start(ctx, process, start, BpmnVariableBehavior.parseDocument(signal.variables()), -1, -1);
        continue;
      }
      ElementInstance waiting = ctx.state().elementInstances().get(sub.catchEventInstanceKey());
      if (waiting == null) {
        continue;
      }
      ExecutableElement event = b.state().process(ctx, waiting.value()).element(sub.catchEventId());
      lifecycle.triggerEvent(ctx, waiting, event, signal.variables());
    }
    return broadcasted;
  }
}
