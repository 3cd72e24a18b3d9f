package io.caseway.workers;

/**
 * Assigns a case to a caseworker who has capacity under their cap for the case's type and the
 * qualification it needs, or puts the case on the waiting list when nobody has. Idempotent: a case
 * already assigned or waiting keeps that outcome.
 *
 * <p>No worker uses this port any more: referral-intake now splits the assignment into
 * {@link CoachCandidates} ({@code assign-coach}), the process's {@code caseload-cap} decision,
 * {@link CoachPlaces} ({@code record-coach-assignment}) and {@link WaitingList}
 * ({@code place-on-waiting-list}). It stays until the app's assignment service implements those.
 */
public interface CoachAssignment {

  /** The outcome: assigned to {@code caseworkerId}, or waiting ({@code assigned} false, no caseworker). */
  record Outcome(boolean assigned, String caseworkerId) {}

  /** @throws InvalidReferralException if the case does not exist */
  Outcome assign(String caseId);
}
