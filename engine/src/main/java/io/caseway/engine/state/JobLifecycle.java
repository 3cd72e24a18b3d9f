package io.caseway.engine.state;

import static io.caseway.engine.state.JobState.State.ACTIVATABLE;
import static io.caseway.engine.state.JobState.State.ACTIVATED;
import static io.caseway.engine.state.JobState.State.BACKOFF;
import static io.caseway.engine.state.JobState.State.ERROR_THROWN;
import static io.caseway.engine.state.JobState.State.FAILED;

import io.caseway.engine.protocol.intent.JobIntent;
import io.caseway.engine.state.JobState.State;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The job lifecycle as a transition table: which commands a job accepts in which state. A command
 * in any other state is rejected with a reason naming the state, never silently ignored.
 */
public final class JobLifecycle {
  private static final Map<JobIntent, Set<State>> ACCEPTS = Map.of(
      JobIntent.COMPLETE, EnumSet.of(ACTIVATABLE, ACTIVATED),
      JobIntent.FAIL, EnumSet.of(ACTIVATABLE, ACTIVATED),
      JobIntent.THROW_ERROR, EnumSet.of(ACTIVATABLE, ACTIVATED),
      JobIntent.TIME_OUT, EnumSet.of(ACTIVATED),
      JobIntent.UPDATE_TIMEOUT, EnumSet.of(ACTIVATED),
      JobIntent.YIELD, EnumSet.of(ACTIVATED),
      JobIntent.RECUR_AFTER_BACKOFF, EnumSet.of(BACKOFF),
      JobIntent.UPDATE_RETRIES, EnumSet.of(ACTIVATABLE, ACTIVATED, BACKOFF, FAILED, ERROR_THROWN));

  private JobLifecycle() {}

  public static boolean accepts(JobIntent command, State state) {
    return ACCEPTS.getOrDefault(command, Set.of()).contains(state);
  }

  /** A sentence for a rejected command, e.g. "job 42 cannot be completed: it failed and has an open incident". */
  public static String describe(State state) {
    return switch (state) {
      case ACTIVATABLE -> "it is waiting to be activated";
      case ACTIVATED -> "it is activated by a worker";
      case BACKOFF -> "it failed and waits for its retry back-off";
      case FAILED -> "it failed with no retries left and has an open incident; update its retries and resolve the incident";
      case ERROR_THROWN -> "it threw an error that no catch event handled and has an open incident";
    };
  }
}
