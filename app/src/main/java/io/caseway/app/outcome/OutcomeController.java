package io.caseway.app.outcome;

import io.caseway.app.shared.Problems.ProblemException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Managers' outcome figures: into work and still in work after 13 and 26 weeks, by region and district. */
@RestController
class OutcomeController {
  private final Outcomes outcomes;
  private final io.caseway.app.casefile.CaseAccess access;

  OutcomeController(Outcomes outcomes, io.caseway.app.casefile.CaseAccess access) {
    this.outcomes = outcomes;
    this.access = access;
  }

  record CaseOutcome(OutcomeEvent.Kind kind, LocalDate occurredOn) {}

  /** The outcomes a case reached, in the order they happened. */
  @GetMapping("/api/cases/{caseId}/outcomes")
  List<CaseOutcome> ofCase(@PathVariable UUID caseId) {
    access.require(caseId, io.caseway.app.casefile.CaseAccess.Need.READ, io.caseway.app.audit.AuditLog.Action.READ, "outcome", caseId, io.caseway.app.security.Purpose.or("see the case's outcomes"));
    return outcomes.ofCase(caseId).stream().map(o -> new CaseOutcome(o.kind(), o.occurredOn())).toList();
  }

  @GetMapping("/api/outcomes")
  List<Outcomes.AreaCount> byArea(@RequestParam LocalDate from, @RequestParam LocalDate to) {
    if (!to.isAfter(from)) {
      throw ProblemException.invalid("to", "must be after from (" + from + ")");
    }
    return outcomes.byArea(from, to);
  }
}
