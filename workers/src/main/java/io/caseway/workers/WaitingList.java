package io.caseway.workers;

import java.time.Instant;

/**
 * The waiting list managers see: cases for which no caseworker with the right qualification has room.
 * Idempotent: placing a case that already waits keeps its place and answers when it was first placed.
 */
public interface WaitingList {

  /**
   * @return when the case was (first) placed on the waiting list
   * @throws InvalidReferralException if the case does not exist
   */
  Instant place(String caseId, String track);
}
