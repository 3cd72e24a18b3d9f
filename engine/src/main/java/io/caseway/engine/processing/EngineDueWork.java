package io.caseway.engine.processing;

import io.caseway.engine.protocol.intent.JobIntent;
import io.caseway.engine.protocol.intent.MessageIntent;
import io.caseway.engine.protocol.intent.TimerIntent;
import io.caseway.engine.protocol.value.JobRecord;
import io.caseway.engine.state.EngineState;
import io.caseway.engine.state.JobState.Due;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;

/** What is due by the clock: timers to trigger, job deadlines and back-offs, messages to expire. */
public final class EngineDueWork implements StreamProcessor.DueWork {

  @Override
  public List<Command> due(EngineState state, long now, int limit) {
    List<Command> commands = new ArrayList<>();
    for (Due d : state.timers().due()) {
      if (d.time() > now || commands.size() >= limit) break;
      commands.add(Command.internal(d.key(), TimerIntent.TRIGGER, state.timers().get(d.key())));
    }
    for (Due d : state.jobs().deadlines()) {
      if (d.time() > now || commands.size() >= limit) break;
      commands.add(Command.internal(d.key(), JobIntent.TIME_OUT, JobRecord.command()));
    }
    for (Due d : state.jobs().backoffs()) {
      if (d.time() > now || commands.size() >= limit) break;
      commands.add(Command.internal(d.key(), JobIntent.RECUR_AFTER_BACKOFF, JobRecord.command()));
    }
    for (Due d : state.messages().expiries()) {
      if (d.time() > now || commands.size() >= limit) break;
      commands.add(Command.internal(d.key(), MessageIntent.EXPIRE, state.messages().message(d.key())));
    }
    return commands;
  }

  @Override
  public long nextDue(EngineState state) {
    return Math.min(Math.min(first(state.timers().due()), first(state.jobs().deadlines())),
        Math.min(first(state.jobs().backoffs()), first(state.messages().expiries())));
  }

  private static long first(NavigableSet<Due> set) {
    return set.isEmpty() ? Long.MAX_VALUE : set.first().time();
  }
}
