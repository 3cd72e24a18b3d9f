package io.caseway.engine.processing.purge;

import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.protocol.intent.PurgeIntent;
import io.caseway.engine.protocol.value.PurgeRecord;

/**
 * Wipes all process data in one event: deployments, instances, jobs, timers, messages, incidents,
 * user tasks and the search projections. Durable like any event: replaying the journal replays the
 * purge. Keys keep counting up, so no key is ever reused.
 */
public final class PurgeProcessor implements CommandProcessor {
  @Override
  public void process(Command command, ProcessingContext ctx) {
    long changeId = ctx.newKey();
    ctx.respond(ctx.event(changeId, PurgeIntent.PURGED, new PurgeRecord(changeId)));
  }
}
