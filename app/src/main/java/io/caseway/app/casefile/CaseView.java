package io.caseway.app.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A case as the API shows it; {@code version} goes back in {@code If-Match} to change it. A case with
 * {@code erasedAt} is a tombstone: its personal data were erased when its retention ran out.
 */
public record CaseView(UUID caseId, UUID citizenId, UUID referralId, String ruleSet, Track track, CaseStatus status,
    String benefitType, LocalDate benefitStartDate, LocalDate clarificationDeadline, LastingSolution lastingSolution,
    UUID caseworkerId, Instant openedAt, Instant assignedAt, Instant closedAt, LocalDate tryingWorkSince, Instant erasedAt,
    long version) {

  public static CaseView of(CaseFile c) {
    return new CaseView(c.id(), c.citizenId(), c.referralId(), c.ruleSet(), c.track(), c.status(),
        c.benefitType().orElse(null), c.benefitStartDate().orElse(null), c.clarificationDeadline().orElse(null),
        c.lastingSolution().orElse(null), c.caseworkerId().orElse(null), c.openedAt(), c.assignedAt().orElse(null),
        c.closedAt().orElse(null), c.tryingWorkSince().orElse(null), c.erasedAt().orElse(null),
        c.version());
  }
}
