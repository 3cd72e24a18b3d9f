package io.caseway.engine.processing.timer;

import io.caseway.engine.expression.TimerCycle;
import io.caseway.engine.expression.TimerDefinitions;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.protocol.intent.TimerIntent;
import io.caseway.engine.protocol.value.TimerRecord;
import io.caseway.engine.state.ElementInstance;
import java.time.Instant;
import java.util.Map;

/**
 * A timer is due: it fires once (TRIGGERED removes it, so a restart cannot fire it again), then
 * starts an instance, completes a catch event or fires a boundary event. A cycle re-arms itself.
 */
public final class TimerTriggerProcessor implements CommandProcessor {
  private final BpmnBehaviors b;
  private final BpmnElementLifecycle lifecycle;

  public TimerTriggerProcessor(BpmnBehaviors b, BpmnElementLifecycle lifecycle) {
    this.b = b;
    this.lifecycle = lifecycle;
  }

  @Override
  public void process(Command command, ProcessingContext ctx) {
    TimerRecord timer = ctx.state().timers().get(command.key());
    if (timer == null) {
      throw Rejection.notFound("Expected to trigger timer with key '" + command.key()
          + "', but no such timer was found (it fired or was canceled already)");
    }
    if (timer.dueDate() > ctx.now()) {
      throw Rejection.invalidState("Expected to trigger timer with key '" + command.key() + "', but it is due at "
          + Instant.ofEpochMilli(timer.dueDate()));
    }
    ctx.event(command.key(), TimerIntent.TRIGGERED, timer);
    if (timer.elementInstanceKey() < 0) {
      var process = ctx.state().deployments().process(timer.processDefinitionKey());
      ExecutableElement start = process.executable().element(timer.targetElementId());
      b.starter().start(ctx, process, start, Map.of(), -1, -1);
      rearm(ctx, timer, -1, -1);
      return;
    }
    ElementInstance waiting = ctx.state().elementInstances().get(timer.elementInstanceKey());
    if (waiting == null) {
      return;
    }
    ExecutableElement event = b.state().process(ctx, waiting.value()).element(timer.targetElementId());
    if (!event.id().equals(waiting.value().elementId()) && !event.interrupting()) {
      rearm(ctx, timer, waiting.key(), waiting.value().processInstanceKey());
    }
    lifecycle.triggerEvent(ctx, waiting, event, null);
  }

  private void rearm(ProcessingContext ctx, TimerRecord timer, long elementInstanceKey, long processInstanceKey) {
    if (timer.cycle() == null) {
      return;
    }
    TimerCycle cycle = TimerDefinitions.parseCycle(timer.cycle()).value().withRepetitions(timer.repetitions());
    if (!cycle.hasNextRepetition()) {
      return;
    }
    TimerCycle next = cycle.nextRepetition();
    Instant due = next.nextDueDate(Instant.ofEpochMilli(timer.dueDate()));
    if (due == null) {
      return;
    }
    ctx.event(ctx.newKey(), TimerIntent.CREATED, new TimerRecord(elementInstanceKey, processInstanceKey,
        timer.processDefinitionKey(), timer.targetElementId(), due.toEpochMilli(), next.repetitions(),
        timer.cycle(), timer.tenantId()));
  }
}
