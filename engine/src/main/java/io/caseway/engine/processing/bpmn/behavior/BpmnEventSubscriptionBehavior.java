package io.caseway.engine.processing.bpmn.behavior;

import io.caseway.engine.expression.ExpressionLanguage;
import io.caseway.engine.expression.TimerCycle;
import io.caseway.engine.expression.TimerDefinitions;
import io.caseway.engine.expression.TypedResult;
import io.caseway.engine.expression.VariableLookup;
import io.caseway.engine.model.BpmnElementType;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.model.TimerDefinition;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.protocol.intent.MessageSubscriptionIntent;
import io.caseway.engine.protocol.intent.TimerIntent;
import io.caseway.engine.protocol.value.MessageRecord;
import io.caseway.engine.protocol.value.MessageSubscriptionRecord;
import io.caseway.engine.protocol.value.TimerRecord;
import io.caseway.engine.state.ElementInstance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the timers and message subscriptions an element instance waits for (its own catch event
 * and its boundary events), closes them when it leaves, and correlates buffered messages.
 */
public final class BpmnEventSubscriptionBehavior {
  private final ExpressionLanguage el;
  private final TimerDefinitions timers;
  private final BpmnVariableBehavior variables;

  public BpmnEventSubscriptionBehavior(ExpressionLanguage el, TimerDefinitions timers, BpmnVariableBehavior variables) {
    this.el = el;
    this.timers = timers;
    this.variables = variables;
  }

  /** A timer due date with the cycle to re-arm from (null for one-shot timers). */
  public record Due(Instant dueDate, TimerCycle cycle) {}

  private record Pending(ExecutableElement event, Due timer, String messageName, String correlationKey,
      String signalName) {}

  /** Evaluates every event definition first, then writes them all: all or nothing. */
  public Failure subscribe(ProcessingContext ctx, ExecutableElement element, ElementInstance instance) {
    List<ExecutableElement> events = new ArrayList<>();
    boolean body = BpmnStateBehavior.isBody(instance);
    if ((element.type() == BpmnElementType.INTERMEDIATE_CATCH_EVENT || element.type() == BpmnElementType.RECEIVE_TASK)
        && !body) {
      events.add(element);
    }
    if (element.type() == BpmnElementType.EVENT_BASED_GATEWAY) {
      element.outgoing().forEach(flow -> events.add(flow.target())); // the events it waits for, first one wins
    }
    if (!BpmnStateBehavior.isInner(element, instance)) {
      events.addAll(element.boundaryEvents()); // of a multi-instance activity: on its body only
    }
    for (ExecutableElement esp : element.eventSubProcesses()) {
      ExecutableElement start = esp.startEvents().get(0);
      if (start.timer() != null || start.message() != null || start.signalName() != null) {
        events.add(start);
      }
    }
    if (events.isEmpty()) {
      return null;
    }
    VariableLookup lookup = variables.lookup(ctx, instance.key());
    List<Pending> pending = new ArrayList<>();
    for (ExecutableElement event : events) {
      if (event.timer() != null) {
        TypedResult<Due> due = dueDate(event, event.timer(), lookup, Instant.ofEpochMilli(ctx.now()));
        if (due.isFailure()) {
          return new Failure(Failure.EXTRACT_VALUE_ERROR, due.failure());
        }
        pending.add(new Pending(event, due.value(), null, null, null));
      } else if (event.message() != null) {
        TypedResult<String> name = el.evaluateString(event.message().name(), lookup);
        if (name.isFailure()) {
          return new Failure(Failure.EXTRACT_VALUE_ERROR,
              "Failed to evaluate the message name of '" + event.id() + "': " + name.failure());
        }
        if (event.message().correlationKey() == null) {
          return new Failure(Failure.EXTRACT_VALUE_ERROR,
              "The message catch event '" + event.id() + "' has no correlation key");
        }
        TypedResult<String> key = el.evaluateStringOrNumber(event.message().correlationKey(), lookup);
        if (key.isFailure()) {
          return new Failure(Failure.EXTRACT_VALUE_ERROR, "Failed to extract the correlation key for '"
              + event.id() + "': " + key.failure());
        }
        pending.add(new Pending(event, null, name.value(), key.value(), null));
      } else if (event.signalName() != null) {
        TypedResult<String> name = el.evaluateString(event.signalName(), lookup);
        if (name.isFailure()) {
          return new Failure(Failure.EXTRACT_VALUE_ERROR,
              "Failed to evaluate the signal name of '" + event.id() + "': " + name.failure());
        }
        pending.add(new Pending(event, null, null, null, name.value()));
      }
    }
    var pi = instance.value();
    for (Pending p : pending) {
      if (p.timer() != null) {
        TimerCycle cycle = p.timer().cycle();
        ctx.event(ctx.newKey(), TimerIntent.CREATED, new TimerRecord(instance.key(), pi.processInstanceKey(),
            pi.processDefinitionKey(), p.event().id(), p.timer().dueDate().toEpochMilli(),
            cycle == null ? 1 : cycle.repetitions(), cycle == null ? null : cycle.toIsoString(), pi.tenantId()));
      } else if (p.signalName() != null) {
        ctx.event(ctx.newKey(), io.caseway.engine.protocol.intent.SignalSubscriptionIntent.CREATED,
            new io.caseway.engine.protocol.value.SignalSubscriptionRecord(p.signalName(), pi.processDefinitionKey(),
                pi.bpmnProcessId(), p.event().id(), instance.key(), pi.processInstanceKey(), pi.tenantId()));
      } else {
        ctx.event(ctx.newKey(), MessageSubscriptionIntent.CREATED, new MessageSubscriptionRecord(
            pi.processInstanceKey(), instance.key(), pi.bpmnProcessId(), pi.processDefinitionKey(), p.event().id(),
            p.messageName(), p.correlationKey(), p.event().interrupting(), -1, null, pi.tenantId()));
      }
    }
    return null;
  }

  /** Cancels the timers and deletes the message and signal subscriptions of an element instance that leaves. */
  public void unsubscribe(ProcessingContext ctx, ElementInstance instance) {
    for (long timerKey : List.copyOf(ctx.state().timers().ofElementInstance(instance.key()))) {
      ctx.event(timerKey, TimerIntent.CANCELED, ctx.state().timers().get(timerKey));
    }
    for (long subKey : List.copyOf(ctx.state().messages().subscriptionsOf(instance.key()))) {
      ctx.event(subKey, MessageSubscriptionIntent.DELETED, ctx.state().messages().subscription(subKey));
    }
    for (long subKey : List.copyOf(ctx.state().signals().subscriptionsOf(instance.key()))) {
      ctx.event(subKey, io.caseway.engine.protocol.intent.SignalSubscriptionIntent.DELETED,
          ctx.state().signals().subscription(subKey));
    }
  }

  /** The first buffered message for each of the instance's subscriptions, not yet correlated to its process instance. */
  public List<Match> bufferedMatches(ProcessingContext ctx, ElementInstance instance) {
    List<Match> matches = new ArrayList<>();
    var messages = ctx.state().messages();
    for (long subKey : messages.subscriptionsOf(instance.key())) {
      MessageSubscriptionRecord sub = messages.subscription(subKey);
      for (long messageKey : messages.buffered(sub.messageName(), sub.correlationKey())) {
        MessageRecord m = messages.message(messageKey);
        if (m.deadline() > ctx.now() && !messages.wasCorrelatedTo(messageKey, sub.processInstanceKey())) {
          matches.add(new Match(subKey, sub, messageKey, m));
          break;
        }
      }
    }
    return matches;
  }

  /** A subscription and the message it can take. */
  public record Match(long subscriptionKey, MessageSubscriptionRecord subscription, long messageKey, MessageRecord message) {}

  public TypedResult<Due> dueDate(ExecutableElement event, TimerDefinition timer, VariableLookup lookup, Instant now) {
    String what = "Failed to evaluate the timer of '" + event.id() + "': ";
    switch (timer.kind()) {
      case DATE -> {
        TypedResult<Instant> r = timers.timeDate(timer.expression(), lookup);
        return r.isFailure() ? TypedResult.fail(what + r.failure()) : TypedResult.ok(new Due(r.value(), null));
      }
      case DURATION -> {
        TypedResult<Instant> r = timers.timeDuration(timer.expression(), lookup, now);
        return r.isFailure() ? TypedResult.fail(what + r.failure()) : TypedResult.ok(new Due(r.value(), null));
      }
      default -> {
        TypedResult<TimerCycle> r = timers.timeCycle(timer.expression(), lookup);
        if (r.isFailure()) {
          return TypedResult.fail(what + r.failure());
        }
        Instant next = r.value().nextDueDate(now);
        if (next == null) {
          return TypedResult.fail(what + "the cycle '" + r.value().toIsoString() + "' never fires again");
        }
        return TypedResult.ok(new Due(next, r.value()));
      }
    }
  }
}
