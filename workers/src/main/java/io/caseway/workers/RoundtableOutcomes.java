package io.caseway.workers;

import java.util.List;

/**
 * Writes a held roundtable meeting to the case file: when and where, who took part, the minutes,
 * the team's recommendation and the authority's decision. Idempotent: one record per
 * {@code meetingKey} (one roundtable request); asked again, it answers what was recorded first.
 */
public interface RoundtableOutcomes {

  /**
   * The meeting as the roundtable journey collected it. Choices use the journey's values
   * ({@code job-directed}, {@code flex-job}, ...); participant roles too ({@code citizen},
   * {@code health-coordinator}, ...). No health details: the self-assessment stays out of it.
   */
  record Meeting(String meetingStart, String meetingPlace, List<String> participantRoles,
      String healthParticipantName, String companionName, String minutes, String recommendation,
      String recommendationReason, String decision, String decisionReason) {}

  /** What the calling journey gets back: the outcome as recorded. */
  record Outcome(String recommendation, String decision, String decisionReason, String meetingStart) {}

  /** @throws InvalidReferralException if the case does not exist or the meeting cannot be recorded as given */
  Outcome record(String caseId, String meetingKey, Meeting meeting);
}
