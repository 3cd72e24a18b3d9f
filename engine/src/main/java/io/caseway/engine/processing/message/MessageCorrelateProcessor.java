package io.caseway.engine.processing.message;

import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.BpmnVariableBehavior;
import io.caseway.engine.protocol.intent.MessageCorrelationIntent;
import io.caseway.engine.protocol.intent.MessageIntent;
import io.caseway.engine.protocol.value.MessageCorrelationRecord;
import io.caseway.engine.protocol.value.MessageRecord;
import java.util.Map;

/**
 * CorrelateMessage: like PublishMessage with no time to live (the message is never buffered), but
 * the caller learns the first process instance the message reached. A message that reaches no
 * instance and starts none is rejected (NOT_FOUND) before anything is written.
 */
public final class MessageCorrelateProcessor implements CommandProcessor {
  private final BpmnBehaviors b;
  private final MessageCorrelationBehavior correlation;

  public MessageCorrelateProcessor(BpmnBehaviors b, MessageCorrelationBehavior correlation) {
    this.b = b;
    this.correlation = correlation;
  }

  @Override
  public void process(Command command, ProcessingContext ctx) {
    MessageCorrelationRecord request = command.valueAs(MessageCorrelationRecord.class);
    if (request.name() == null || request.name().isBlank()) {
      throw Rejection.invalidArgument("Expected to correlate a message with a name, but the name was empty");
    }
    Map<String, String> variables = BpmnVariableBehavior.requireDocument(request.variables());
    String correlationKey = request.correlationKey() == null ? "" : request.correlationKey();
    if (!MessagePublishProcessor.hasReceiver(ctx, request.name(), correlationKey)) {
      throw Rejection.notFound("Expected to find a process instance waiting for message '" + request.name()
          + "' with correlation key '" + correlationKey + "', or a process with a message start event for it, but"
          + " none was found (publish the message to buffer it for a later subscription)");
    }
    long key = ctx.newKey();
    MessageRecord message = new MessageRecord(request.name(), correlationKey, 0, "",
        BpmnVariableBehavior.document(variables, null), ctx.now(), request.tenantId());
    ctx.event(key, MessageIntent.PUBLISHED, message);
    long processInstanceKey = MessagePublishProcessor.correlateAll(b, correlation, ctx, key, message, variables);
    ctx.respond(ctx.event(key, MessageCorrelationIntent.CORRELATED,
        new MessageCorrelationRecord(request.name(), correlationKey, message.variables(), request.tenantId(), key,
            processInstanceKey)));
  }
}
