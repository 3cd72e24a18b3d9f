package io.caseway.app.outcome;

import io.caseway.app.casefile.CaseClosed;
import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.caseload.Caseworkers;
import io.caseway.app.placement.PlacementEvents;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records outcomes as they happen: into work (an ordinary or flex job starts), sustained at 13 and
 * 26 weeks (a check says so), a lasting solution (the case closes with one). In the same
 * transaction as the change that caused it; once per case, kind and day.
 */
@Service
public class Outcomes {
  public record AreaCount(String region, String district, OutcomeEvent.Kind kind, long count) {}

  private final OutcomeEventRepository outcomes;
  private final CaseFiles cases;
  private final Caseworkers caseworkers;
  private final Clock clock;

  Outcomes(OutcomeEventRepository outcomes, CaseFiles cases, Caseworkers caseworkers, Clock clock) {
    this.outcomes = outcomes;
    this.cases = cases;
    this.caseworkers = caseworkers;
    this.clock = clock;
  }

  @EventListener
  void onPlacementStarted(PlacementEvents.Started started) {
    if (started.kind().countsAsWork()) {
      record(started.caseId(), OutcomeEvent.Kind.INTO_WORK, started.on());
    }
  }

  @EventListener
  void onCheckRecorded(PlacementEvents.CheckRecorded check) {
    if (check.sustained()) {
      record(check.caseId(), check.weeks() == 13 ? OutcomeEvent.Kind.SUSTAINED_13_WEEKS
          : OutcomeEvent.Kind.SUSTAINED_26_WEEKS, check.on());
    }
  }

  @EventListener
  void onCaseClosed(CaseClosed closed) {
    if (closed.lastingSolution() != null) {
      record(closed.caseId(), OutcomeEvent.Kind.LASTING_SOLUTION, LocalDate.ofInstant(closed.closedAt(), ZoneOffset.UTC));
    }
  }

  /** Outcomes per region, district and kind in [from, to). */
  @Transactional(readOnly = true)
  public List<AreaCount> byArea(LocalDate from, LocalDate to) {
    return outcomes.countByArea(from, to).stream()
        .map(c -> new AreaCount(c.getRegion(), c.getDistrict(), c.getKind(), c.getCount()))
        .toList();
  }

  private void record(UUID caseId, OutcomeEvent.Kind kind, LocalDate on) {
    if (outcomes.existsByCaseIdAndKindAndOccurredOn(caseId, kind, on)) {
      return;
    }
    var caseworker = java.util.Optional.ofNullable(cases.get(caseId).caseworkerId()).map(caseworkers::get);
    outcomes.save(new OutcomeEvent(caseId, kind, on, clock.instant(),
        caseworker.map(Caseworkers.CaseworkerView::district).orElse(null),
        caseworker.map(Caseworkers.CaseworkerView::region).orElse(null)));
  }
}
