package io.caseway.app.journey;

import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.casefile.CaseView;
import io.caseway.app.placement.Placements;
import io.caseway.app.policy.Policy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coach agrees a development flex job with the citizen and an employer while the clarification
 * goes on: {@code development-flex-job} starts, the placement starts with the employer for the
 * hours agreed, and it ends when the clarification ends. No weekly-hours minimum.
 */
@RestController
class DevelopmentFlexJobController {
  record AgreementRequest(@NotNull UUID employerId, @NotNull @Positive @DecimalMax("80") BigDecimal weeklyHours) {}

  private final CaseFiles cases;
  private final io.caseway.app.casefile.CaseAccess access;
  private final Placements placements;
  private final Policy policy;
  private final JourneyEngine engine;
  private final Clock clock;

  DevelopmentFlexJobController(CaseFiles cases, io.caseway.app.casefile.CaseAccess access, Placements placements,
      Policy policy, JourneyEngine engine, Clock clock) {
    this.cases = cases;
    this.access = access;
    this.placements = placements;
    this.policy = policy;
    this.engine = engine;
    this.clock = clock;
  }

  /** 202: the journey starts; the placement appears under the case's placements once it has. */
  @PostMapping("/api/cases/{caseId}/development-flex-job")
  ResponseEntity<Void> agree(@PathVariable UUID caseId, @Valid @RequestBody AgreementRequest r) {
    access.require(caseId, io.caseway.app.casefile.CaseAccess.Need.CHANGE, io.caseway.app.audit.AuditLog.Action.WRITE, "development-flex-job", caseId, io.caseway.app.security.Purpose.or("agree a development flex job"));
    CaseView c = cases.get(caseId);
    placements.employer(r.employerId());
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    engine.publishAfterCommit("development-flex-job-agreed", caseId.toString(), null, Map.of(
        "caseId", caseId.toString(), "employerId", r.employerId().toString(), "weeklyHours", r.weeklyHours(),
        "developmentFollowUpInterval", policy.value(c.ruleSet(), "development-flex-job.follow-up-interval", today)
            .strip()), null);
    return ResponseEntity.accepted().build();
  }
}
