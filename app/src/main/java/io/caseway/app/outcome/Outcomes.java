package io.caseway.app.outcome;

import io.caseway.app.casefile.CaseClosed;
import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.caseload.Caseworkers;
import io.caseway.app.placement.PlacementEvents;
import io.caseway.workers.OutcomeRecords;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records outcomes as they happen: into work (an ordinary or flex job starts), sustained at 13 and
 * 26 weeks (a check says so), a lasting solution (the case closes with one, or a journey records
 * one). In the same transaction as the change that caused it; once per case, kind and day, and a
 * case has one lasting solution (the first recorded). A new lasting solution is published as
 * {@link LastingSolutionRecorded}.
 */
@Service
public class Outcomes implements OutcomeRecords {
  public record AreaCount(String region, String district, OutcomeEvent.Kind kind, long count) {}

  private final OutcomeEventRepository outcomes;
  private final CaseFiles cases;
  private final Caseworkers caseworkers;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Outcomes(OutcomeEventRepository outcomes, CaseFiles cases, Caseworkers caseworkers,
      ApplicationEventPublisher events, Clock clock) {
    this.outcomes = outcomes;
    this.events = events;
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

  /** For the journeys' record-outcome jobs (docs/journeys.md). */
  @Override
  @Transactional
  public void record(String caseId, OutcomeType type, LocalDate occurredOn, String lastingSolution) {
    record(cases.forJob(caseId).caseId(), switch (type) {
      case INTO_WORK -> OutcomeEvent.Kind.INTO_WORK;
      case SUSTAINED_13_WEEKS -> OutcomeEvent.Kind.SUSTAINED_13_WEEKS;
      case SUSTAINED_26_WEEKS -> OutcomeEvent.Kind.SUSTAINED_26_WEEKS;
      case LASTING_SOLUTION -> OutcomeEvent.Kind.LASTING_SOLUTION;
    }, occurredOn);
  }

  /** A case's outcomes, in the order they happened. */
  @Transactional(readOnly = true)
  public List<OutcomeEvent> ofCase(UUID caseId) {
    cases.get(caseId);
    return outcomes.findByCaseId(caseId).stream()
        .sorted(java.util.Comparator.comparing(OutcomeEvent::occurredOn).thenComparing(OutcomeEvent::kind))
        .toList();
  }

  /** Outcomes per region, district and kind in [from, to). */
  @Transactional(readOnly = true)
  public List<AreaCount> byArea(LocalDate from, LocalDate to) {
    return outcomes.countByArea(from, to).stream()
        .map(c -> new AreaCount(c.getRegion(), c.getDistrict(), c.getKind(), c.getCount()))
        .toList();
  }

  private void record(UUID caseId, OutcomeEvent.Kind kind, LocalDate on) {
    if (outcomes.existsByCaseIdAndKindAndOccurredOn(caseId, kind, on)
        || kind == OutcomeEvent.Kind.LASTING_SOLUTION && outcomes.existsByCaseIdAndKind(caseId, kind)) {
      return;
    }
    var caseworker = java.util.Optional.ofNullable(cases.get(caseId).caseworkerId()).map(caseworkers::get);
    outcomes.save(new OutcomeEvent(caseId, kind, on, clock.instant(),
        caseworker.map(Caseworkers.CaseworkerView::district).orElse(null),
        caseworker.map(Caseworkers.CaseworkerView::region).orElse(null)));
    if (kind == OutcomeEvent.Kind.LASTING_SOLUTION) {
      events.publishEvent(new LastingSolutionRecorded(caseId, on));
    }
  }
}
