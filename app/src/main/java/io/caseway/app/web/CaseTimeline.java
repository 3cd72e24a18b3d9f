package io.caseway.app.web;

import io.caseway.app.audit.AuditLog;
import io.caseway.app.casefile.CaseAccess;
import io.caseway.app.casefile.CaseView;
import io.caseway.app.consent.Consent;
import io.caseway.app.journal.Journal;
import io.caseway.app.meeting.Meetings;
import io.caseway.app.meeting.RoundtableMeeting;
import io.caseway.app.outcome.OutcomeEvent;
import io.caseway.app.placement.Placement;
import io.caseway.app.plan.Plan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * What has happened on a case, newest first, in one list: the case opened, consents given and
 * withdrawn, roundtable meetings with their minutes and decisions, plans, placements, outcomes and
 * journal notes. Meetings and notes are health data: they are in the list only for someone who may
 * read health data on the case, and reading them is audited.
 */
@Component
class CaseTimeline {
  /** One thing that happened; {@code lines} say what, {@code confidential} marks a confidential note. */
  record Entry(Instant at, String day, String kind, String title, List<String> lines, boolean confidential) {}

  private final Journal journal;
  private final Meetings meetings;
  private final CaseAccess access;

  CaseTimeline(Journal journal, Meetings meetings, CaseAccess access) {
    this.journal = journal;
    this.meetings = meetings;
    this.access = access;
  }

  /** The case's records as the page already read them, with its meetings and notes when {@code mayReadHealth}. */
  List<Entry> of(CaseView c, List<Plan> plans, List<Placement> placements, List<OutcomeEvent> outcomes,
      List<Consent> consents, boolean mayReadHealth) {
    List<Entry> entries = new ArrayList<>();
    entries.add(entry(c.openedAt(), "Case", "The case was opened", List.of("Track: " + Labels.of(c.track()))));
    consents.forEach(k -> {
      String what = Labels.of(k.dataCategory()) + " from " + k.source();
      entries.add(entry(k.givenAt(), "Consent", "Consent given: " + what, List.of("For: " + k.purpose())));
      k.withdrawnAt().ifPresent(at -> entries.add(entry(at, "Consent", "Consent withdrawn: " + what, List.of())));
    });
    plans.forEach(p -> {
      entries.add(entry(p.createdAt(), "Plan", Labels.of(p.type()) + " plan drafted", List.of()));
      p.activatedAt().ifPresent(at -> entries.add(entry(at, "Plan", Labels.of(p.type()) + " plan put in force",
          p.items().stream().map(i -> (i.kind() == null ? "" : Labels.of(i.kind()) + ": ") + i.description()).toList())));
    });
    placements.forEach(p -> {
      String what = Labels.of(p.kind()) + ", " + p.hoursPerWeek().stripTrailingZeros().toPlainString() + " hours a week";
      entries.add(entry(p.startedOn(), "Placement", "Placement started: " + what, List.of()));
      p.endedOn().ifPresent(on -> entries.add(entry(on, "Placement", "Placement ended: " + what,
          p.endReason().map(r -> List.of("Why: " + r)).orElse(List.of()))));
    });
    outcomes.forEach(o -> entries.add(entry(o.occurredOn(), "Outcome", Labels.of(o.kind()),
        List.of())));
    if (mayReadHealth) {
      access.require(c.caseId(), CaseAccess.Need.HEALTH, AuditLog.Action.READ, "roundtable-meeting", c.caseId(),
          "read the roundtable meetings on the case page");
      meetings.ofCase(c.caseId()).forEach(m -> entries.addAll(meeting(m)));
      journal.read(c.caseId(), "read the journal on the case page").forEach(n -> entries.add(new Entry(n.writtenAt(),
          Labels.date(n.writtenAt()), "Journal note", "Note by " + n.author(), List.of(n.body()), n.confidential())));
    }
    entries.sort(Comparator.comparing(Entry::at).reversed());
    return List.copyOf(entries);
  }

  private static List<Entry> meeting(RoundtableMeeting m) {
    List<Entry> entries = new ArrayList<>();
    List<String> who = m.participants().stream()
        .map(p -> Labels.of(p.role()) + (p.name() == null || p.name().isBlank() ? "" : " (" + p.name() + ")"))
        .sorted().toList();
    String title = m.status() == RoundtableMeeting.Status.CANCELLED ? "Roundtable meeting cancelled"
        : "Roundtable meeting " + (m.heldAt().isPresent() ? "held" : "planned") + " at " + m.place();
    List<String> lines = new ArrayList<>();
    lines.add("Taking part: " + String.join(", ", who));
    m.companionName().ifPresent(name -> lines.add("The citizen's companion: " + name));
    m.minutes().ifPresent(minutes -> lines.add("Minutes: " + minutes));
    m.recommendation().ifPresent(r -> lines.add("The team recommends: " + Labels.of(r).toLowerCase(Locale.ENGLISH)
        + m.recommendationNotes().map(n -> " (" + n + ")").orElse("")));
    entries.add(new Entry(m.scheduledAt(), Labels.date(m.scheduledAt()), "Meeting", title, List.copyOf(lines), false));
    m.decidedAt().ifPresent(at -> entries.add(new Entry(at, Labels.date(at), "Decision",
        "Decision: " + m.decision().map(Labels::of).orElse(""),
        java.util.stream.Stream.of(m.decisionNotes().orElse("") + m.decidedBy().map(by -> " (decided by " + by + ")")
            .orElse("")).map(String::strip).filter(l -> !l.isEmpty()).toList(), false)));
    return entries;
  }

  private static Entry entry(Instant at, String kind, String title, List<String> lines) {
    return new Entry(at, Labels.date(at), kind, title, lines, false);
  }

  private static Entry entry(LocalDate on, String kind, String title, List<String> lines) {
    return new Entry(on.atStartOfDay(ZoneOffset.UTC).toInstant(), Labels.date(on), kind, title, lines, false);
  }
}
