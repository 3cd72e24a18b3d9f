package io.caseway.workers;

import java.util.Optional;

/**
 * Proposes the caseworker who should take a case: the least loaded on the case's track among those
 * with the qualification the track needs. Proposing changes nothing; whether the caseworker may take
 * the case is the process's {@code caseload-cap} decision, and taking the place is
 * {@link CoachPlaces}. A case already assigned proposes its caseworker again.
 */
public interface CoachCandidates {

  /** The proposed caseworker and their load on the case's track. */
  record Candidate(String caseworkerId, int activeCases, int cap, boolean socialWorkQualified) {}

  /**
   * @return the proposed caseworker, or empty when nobody works on the track
   * @throws InvalidReferralException if the case does not exist
   */
  Optional<Candidate> propose(String caseId, String track);
}
