package io.caseway.engine.processing.resource;

import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.protocol.intent.DecisionIntent;
import io.caseway.engine.protocol.intent.DecisionRequirementsIntent;
import io.caseway.engine.protocol.intent.FormIntent;
import io.caseway.engine.protocol.intent.MessageStartEventSubscriptionIntent;
import io.caseway.engine.protocol.intent.ProcessIntent;
import io.caseway.engine.protocol.intent.ResourceDeletionIntent;
import io.caseway.engine.protocol.intent.TimerIntent;
import io.caseway.engine.protocol.value.MessageStartEventSubscriptionRecord;
import io.caseway.engine.protocol.value.ResourceDeletionRecord;
import java.util.List;

/**
 * DeleteResource: a process definition without running instances, a decision requirements graph
 * with its decisions, or a form. A process with running instances is refused, not broken.
 */
public final class ResourceDeletionDeleteProcessor implements CommandProcessor {
  @Override
  public void process(Command command, ProcessingContext ctx) {
    long key = command.key();
    var deployments = ctx.state().deployments();
    var process = deployments.process(key);
    String type;
    if (process != null) {
      int running = ctx.state().elementInstances().activeInstancesOf(key);
      if (running > 0) {
        throw Rejection.invalidState("Expected to delete process definition with key '" + key + "', but it has "
            + running + " running instance(s); cancel them or let them finish first");
      }
      for (long timerKey : List.copyOf(ctx.state().timers().ofProcessDefinition(key))) {
        ctx.event(timerKey, TimerIntent.CANCELED, ctx.state().timers().get(timerKey));
      }
      ctx.event(ctx.newKey(), MessageStartEventSubscriptionIntent.DELETED, new MessageStartEventSubscriptionRecord(
          key, process.record().bpmnProcessId(), null, null, -1, null, null, -1, process.record().tenantId()));
      ctx.event(key, ProcessIntent.DELETED, process.record());
      type = "PROCESS_DEFINITION";
    } else if (deployments.drg(key) != null) {
      for (var decision : List.copyOf(deployments.decisions())) {
        if (decision.decisionRequirementsKey() == key) {
          ctx.event(decision.decisionKey(), DecisionIntent.DELETED, decision);
        }
      }
      ctx.event(key, DecisionRequirementsIntent.DELETED, deployments.drg(key).record());
      type = "DECISION_REQUIREMENTS";
    } else if (deployments.form(key) != null) {
      ctx.event(key, FormIntent.DELETED, deployments.form(key));
      type = "FORM";
    } else {
      throw Rejection.notFound("Expected to delete resource with key '" + key + "', but no such resource was found");
    }
    ctx.respond(ctx.event(key, ResourceDeletionIntent.DELETED, new ResourceDeletionRecord(key, type)));
  }
}
