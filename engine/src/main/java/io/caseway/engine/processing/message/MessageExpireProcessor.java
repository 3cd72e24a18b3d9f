package io.caseway.engine.processing.message;

import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.protocol.intent.MessageIntent;
import io.caseway.engine.protocol.value.MessageRecord;

/** A buffered message's time to live passed: it can no longer be correlated. */
public final class MessageExpireProcessor implements CommandProcessor {
  @Override
  public void process(Command command, ProcessingContext ctx) {
    MessageRecord message = ctx.state().messages().message(command.key());
    if (message == null) {
      throw Rejection.notFound("Expected to expire message with key '" + command.key() + "', but it is not buffered");
    }
    ctx.event(command.key(), MessageIntent.EXPIRED, message);
  }
}
