package io.caseway.engine.processing.message;

import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.BpmnVariableBehavior;
import io.caseway.engine.protocol.intent.MessageIntent;
import io.caseway.engine.protocol.intent.MessageStartEventSubscriptionIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.MessageRecord;
import io.caseway.engine.protocol.value.MessageStartEventSubscriptionRecord;
import io.caseway.engine.protocol.value.MessageSubscriptionRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PublishMessage: correlates to every open subscription with the same name and correlation key
 * (once per process instance), starts processes with a matching message start event, and is
 * buffered for its time to live so that later subscriptions can still take it. A message id is
 * unique among buffered messages of the same name and correlation key.
 */
public final class MessagePublishProcessor implements CommandProcessor {
  private final BpmnBehaviors b;
  private final MessageCorrelationBehavior correlation;

  public MessagePublishProcessor(BpmnBehaviors b, MessageCorrelationBehavior correlation) {
    this.b = b;
    this.correlation = correlation;
  }

  @Override
  public void process(Command command, ProcessingContext ctx) {
    MessageRecord request = command.valueAs(MessageRecord.class);
    if (request.name() == null || request.name().isBlank()) {
      throw Rejection.invalidArgument("Expected to publish a message with a name, but the name was empty");
    }
    if (request.timeToLive() < 0) {
      throw Rejection.invalidArgument("Expected the time to live to be zero or more, but it was " + request.timeToLive());
    }
    Map<String, String> variables = BpmnVariableBehavior.requireDocument(request.variables());
    String correlationKey = request.correlationKey() == null ? "" : request.correlationKey();
    var messages = ctx.state().messages();
    if (request.messageId() != null && !request.messageId().isEmpty()
        && messages.hasMessageId(request.name(), correlationKey, request.messageId())) {
      throw new Rejection(io.caseway.engine.protocol.RejectionType.ALREADY_EXISTS, "Expected to publish a new message"
          + " with id '" + request.messageId() + "', but a message with that id was already published");
    }
    long key = ctx.newKey();
    MessageRecord message = new MessageRecord(request.name(), correlationKey, request.timeToLive(),
        request.messageId() == null ? "" : request.messageId(), BpmnVariableBehavior.document(variables, null),
        ctx.now() + request.timeToLive(), request.tenantId());
    ctx.respond(ctx.event(key, MessageIntent.PUBLISHED, message));
    correlateAll(b, correlation, ctx, key, message, variables);
  }

  /**
   * Correlates a published message to every open subscription with its name and correlation key
   * (once per process instance) and starts the processes with a matching message start event.
   * Returns the first process instance the message reached, or -1 if none.
   */
  static long correlateAll(BpmnBehaviors b, MessageCorrelationBehavior correlation, ProcessingContext ctx, long key,
      MessageRecord message, Map<String, String> variables) {
    var messages = ctx.state().messages();
    long first = -1;
    Set<Long> correlatedInstances = new HashSet<>();
    for (long subKey : List.copyOf(messages.subscriptions(message.name(), message.correlationKey()))) {
      MessageSubscriptionRecord sub = messages.subscription(subKey);
      if (sub == null || correlatedInstances.contains(sub.processInstanceKey())) {
        continue;
      }
      if (correlation.correlate(ctx, subKey, sub, key, message)) {
        correlatedInstances.add(sub.processInstanceKey());
        first = first < 0 ? sub.processInstanceKey() : first;
      }
    }
    Set<String> startedProcesses = new HashSet<>();
    for (MessageStartEventSubscriptionRecord start : List.copyOf(messages.startSubscriptions(message.name()))) {
      if (!startedProcesses.add(start.bpmnProcessId())) {
        continue;
      }
      if (!message.correlationKey().isEmpty()
          && messages.hasActiveInstance(start.bpmnProcessId(), message.correlationKey())) {
        continue; // one instance per correlation key at a time: the message waits in the buffer
      }
      var process = ctx.state().deployments().process(start.processDefinitionKey());
      ExecutableElement startEvent = process.executable().element(start.startEventId());
      long instanceKey = b.starter().start(ctx, process, startEvent, variables, -1, -1);
      ctx.event(ctx.newKey(), MessageStartEventSubscriptionIntent.CORRELATED, new MessageStartEventSubscriptionRecord(
          start.processDefinitionKey(), start.bpmnProcessId(), start.startEventId(), start.messageName(), key,
          message.correlationKey(), message.variables(), instanceKey, start.tenantId()));
      first = first < 0 ? instanceKey : first;
    }
    return first;
  }

  /**
   * An instance that a message with this correlation key started has ended: the oldest buffered,
   * not yet correlated message with that key (if any) starts the next instance.
   */
  public static void startBufferedAfterEnd(BpmnBehaviors b, ProcessingContext ctx, String bpmnProcessId,
      String correlationKey) {
    var messages = ctx.state().messages();
    MessageStartEventSubscriptionRecord start = messages.startSubscriptionOf(bpmnProcessId);
    if (start == null) {
      return;
    }
    for (long messageKey : List.copyOf(messages.buffered(start.messageName(), correlationKey))) {
      var m = messages.message(messageKey);
      if (m.deadline() <= ctx.now() || messages.wasCorrelated(messageKey)) {
        continue;
      }
      var process = ctx.state().deployments().process(start.processDefinitionKey());
      ExecutableElement startEvent = process.executable().element(start.startEventId());
      long instanceKey = b.starter().start(ctx, process, startEvent,
          io.caseway.engine.processing.bpmn.behavior.BpmnVariableBehavior.parseDocument(m.variables()), -1, -1);
      ctx.event(ctx.newKey(), MessageStartEventSubscriptionIntent.CORRELATED, new MessageStartEventSubscriptionRecord(
          start.processDefinitionKey(), start.bpmnProcessId(), start.startEventId(), start.messageName(), messageKey,
          correlationKey, m.variables(), instanceKey, start.tenantId()));
      return;
    }
  }

  /** Whether a message with this name and correlation key would reach any process instance now. */
  static boolean hasReceiver(ProcessingContext ctx, String name, String correlationKey) {
    var messages = ctx.state().messages();
    if (!messages.startSubscriptions(name).isEmpty()) {
      return true;
    }
    var instances = ctx.state().elementInstances();
    for (long subKey : messages.subscriptions(name, correlationKey)) {
      MessageSubscriptionRecord sub = messages.subscription(subKey);
      var waiting = sub == null ? null : instances.get(sub.elementInstanceKey());
      if (waiting != null && waiting.state() == ProcessInstanceIntent.ELEMENT_ACTIVATED
          && instances.pendingEvent(waiting.key()) == null) {
        return true;
      }
    }
    return false;
  }
}
