package io.caseway.engine.processing.instance;

import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.protocol.Record;
import io.caseway.engine.protocol.RecordType;
import io.caseway.engine.protocol.ValueType;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.state.ElementInstance;

/** CancelProcessInstance: terminates a root process instance and everything in it. */
public final class ProcessInstanceCancelProcessor implements CommandProcessor {
  @Override
  public void process(Command command, ProcessingContext ctx) {
    ElementInstance instance = ctx.state().elementInstances().get(command.key());
    if (instance == null || instance.value().flowScopeKey() > 0 || instance.isTerminating()) {
      throw Rejection.notFound("Expected to cancel a process instance with key '" + command.key()
          + "', but no such process was found");
    }
    if (instance.value().parentProcessInstanceKey() > 0) {
      throw Rejection.invalidState("Expected to cancel a process instance with key '" + command.key()
          + "', but it is created by a parent process instance. Cancel the root process instance '"
          + rootOf(ctx, instance) + "' instead.");
    }
    ctx.command(command.key(), ProcessInstanceIntent.TERMINATE_ELEMENT, instance.value());
    ctx.respond(new Record(-1, command.key(), ctx.now(), RecordType.EVENT, ValueType.PROCESS_INSTANCE,
        ProcessInstanceIntent.ELEMENT_TERMINATING, instance.value(), null, null));
  }

  private static long rootOf(ProcessingContext ctx, ElementInstance instance) {
    ElementInstance current = instance;
    while (current.value().parentProcessInstanceKey() > 0) {
      ElementInstance parent = ctx.state().elementInstances().get(current.value().parentProcessInstanceKey());
      if (parent == null) {
        break;
      }
      current = parent;
    }
    return current.key();
  }
}
