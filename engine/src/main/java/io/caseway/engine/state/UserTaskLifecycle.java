package io.caseway.engine.state;

import io.caseway.engine.protocol.intent.UserTaskIntent;
import io.caseway.engine.state.UserTaskState.State;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The user task lifecycle as a transition table. Commands are accepted only while the task is open
 * (CREATED); a transition with task listeners (creating, assigning, updating, completing) waits in
 * its -ING state until they are done, then lands in CREATED (or leaves, when completed), or is
 * denied back to CREATED.
 */
public final class UserTaskLifecycle {
  private static final Map<UserTaskIntent, Set<State>> ACCEPTS = Map.of(
      UserTaskIntent.ASSIGN, EnumSet.of(State.CREATED),
      UserTaskIntent.CLAIM, EnumSet.of(State.CREATED),
      UserTaskIntent.UPDATE, EnumSet.of(State.CREATED),
      UserTaskIntent.COMPLETE, EnumSet.of(State.CREATED));

  private UserTaskLifecycle() {}

  public static boolean accepts(UserTaskIntent command, State state) {
    return ACCEPTS.getOrDefault(command, Set.of()).contains(state);
  }
}
