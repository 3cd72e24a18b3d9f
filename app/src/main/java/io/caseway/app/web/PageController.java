package io.caseway.app.web;

import io.caseway.app.audit.AuditLog;
import io.caseway.app.casefile.CaseAccess;
import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.casefile.CaseSearch;
import io.caseway.app.casefile.CaseStatus;
import io.caseway.app.casefile.CaseView;
import io.caseway.app.consent.Consent;
import io.caseway.app.consent.Consents;
import io.caseway.app.caseload.Caseworkers;
import io.caseway.app.journal.Journal;
import io.caseway.app.notification.Notifications;
import io.caseway.app.outcome.OutcomeEvent;
import io.caseway.app.outcome.Outcomes;
import io.caseway.app.placement.Placement;
import io.caseway.app.placement.Placements;
import io.caseway.app.plan.ClarificationDeadlines;
import io.caseway.app.plan.Plan;
import io.caseway.app.plan.Plans;
import io.caseway.app.referral.PartnerOrganisationRepository;
import io.caseway.app.referral.Referrals;
import io.caseway.app.security.CasewayUser;
import io.caseway.app.security.CurrentUser;
import io.caseway.app.security.Purpose;
import io.caseway.app.security.Role;
import io.caseway.app.task.CaseTasks;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages: sign-in, a caseworker's Today, a case, the managers' dashboard. */
@Controller
class PageController {
  /** A clarification deadline this close (or passed) puts the case "at risk". */
  static final int AT_RISK_DAYS = 60;
  /** How many cases Today lists; a caseload is well below this. */
  private static final int TODAY_LIMIT = 100;
  /** How many tasks Today shows; the inbox has them all. */
  private static final int TODAY_TASKS = 5;
  /** How many cases the managers' deadline list shows; the counts cover all. */
  private static final int WATCH_LIMIT = 50;
  /** How long a case counts as new on Today. */
  private static final int NEW_CASE_DAYS = 14;

  record CaseRow(UUID caseId, String status, String track, String deadline, String deadlineNote, boolean atRisk) {}

  record NoticeRow(UUID caseId, String text, String kind) {}

  record Fact(String label, String value) {}

  record PlanRow(String type, String since, List<String> items) {}

  record PlacementRow(String kind, String hours, String started, String ended) {}

  record OutcomeRow(String kind, String on) {}

  /** A case new on a caseload: when it came, from which organisation and referrer; {@code health}: referred by a health service. */
  record NewCaseRow(UUID caseId, String assignedOn, String from, String referrer, boolean health) {}

  record ConsentRow(String category, String source, String purpose, String given, String state) {}

  /** Days to (or, when {@code passed}, since) the clarification deadline; {@code planInForce} meets it. */
  record Countdown(long days, boolean passed, String deadline, boolean planInForce) {}

  /** Active cases against a cap; {@code name} and {@code district} are null where the table does not show them. */
  record LoadRow(String name, String district, String track, int active, int cap) {
    public boolean full() {
      return active >= cap;
    }
  }

  record WaitingRow(UUID caseId, String track, String since, boolean socialWorker) {}

  record AreaRow(String region, String district, String kind, long count) {}

  record DeadlineCountRow(String region, String district, long missed, long atRisk) {}

  record WatchedRow(UUID caseId, String deadline, String note, boolean missed, String track, String caseworker,
      String district) {}

  private final CurrentUser currentUser;
  private final CaseFiles cases;
  private final CaseAccess access;
  private final AuditLog audit;
  private final Notifications notifications;
  private final Plans plans;
  private final Placements placements;
  private final Outcomes outcomes;
  private final Journal journal;
  private final Caseworkers caseworkers;
  private final ClarificationDeadlines deadlines;
  private final CaseTasks caseTasks;
  private final TaskRows taskRows;
  private final CaseTimeline timeline;
  private final Consents consents;
  private final Referrals referrals;
  private final PartnerOrganisationRepository partners;
  private final Clock clock;

  PageController(CurrentUser currentUser, CaseFiles cases, CaseAccess access, AuditLog audit,
      Notifications notifications, Plans plans, Placements placements, Outcomes outcomes, Journal journal,
      Caseworkers caseworkers, ClarificationDeadlines deadlines, CaseTasks caseTasks, TaskRows taskRows,
      CaseTimeline timeline, Consents consents, Referrals referrals, PartnerOrganisationRepository partners,
      Clock clock) {
    this.currentUser = currentUser;
    this.cases = cases;
    this.access = access;
    this.audit = audit;
    this.notifications = notifications;
    this.plans = plans;
    this.placements = placements;
    this.outcomes = outcomes;
    this.journal = journal;
    this.caseworkers = caseworkers;
    this.deadlines = deadlines;
    this.caseTasks = caseTasks;
    this.taskRows = taskRows;
    this.timeline = timeline;
    this.consents = consents;
    this.referrals = referrals;
    this.partners = partners;
    this.clock = clock;
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }

  /** A caseworker's Today: their caseload, soonest clarification deadline first, and their notices. */
  @GetMapping("/")
  String today(Model model) {
    CasewayUser me = currentUser.require();
    if (me.role() == Role.MANAGER) {
      return "redirect:/manager";
    }
    if (me.role() == Role.PROCESS_OWNER) {
      return "redirect:/processes";
    }
    model.addAttribute("user", me);
    if (!me.role().isCaseworker() || me.caseworkerId() == null) {
      return home(me, model);
    }
    audit.record(me, AuditLog.Action.SEARCH, "cases", null, null, "list my caseload", true);
    LocalDate today = today();
    List<CaseView> caseload = cases.search(new CaseSearch(me.caseworkerId(), null, null, null, null), 0, TODAY_LIMIT)
        .items();
    List<CaseRow> rows = caseload.stream().map(c -> row(c, today)).toList();
    model.addAttribute("cases", rows);
    model.addAttribute("newest", newest(caseload));
    model.addAttribute("atRiskCount", rows.stream().filter(CaseRow::atRisk).count());
    model.addAttribute("notices", notifications.ofCaseworker(me.caseworkerId()).stream()
        .map(n -> new NoticeRow(n.caseId(), n.text(), Labels.of(n.kind()))).toList());
    model.addAttribute("caseloads", caseworkers.get(me.caseworkerId()).caseload().stream()
        .map(l -> new LoadRow(null, null, Labels.of(l.track()), l.activeCount(), l.cap())).toList());
    List<TaskRows.TaskRow> tasks = taskRows.of(taskRows.inbox(me));
    model.addAttribute("taskCount", tasks.size());
    model.addAttribute("tasks", tasks.stream().limit(TODAY_TASKS).toList());
    return "today";
  }

  @GetMapping("/cases/{caseId}")
  String caseFile(@PathVariable UUID caseId, Model model) {
    CasewayUser me = currentUser.require();
    var file = access.require(caseId, CaseAccess.Need.READ, AuditLog.Action.READ, "read the case on its page");
    CaseView c = cases.get(caseId);
    LocalDate today = today();
    model.addAttribute("user", me);
    model.addAttribute("caseId", caseId);
    model.addAttribute("row", row(c, today));
    model.addAttribute("facts", List.of(
        new Fact("Status", Labels.of(c.status())),
        new Fact("Track", Labels.of(c.track())),
        new Fact("Benefit", c.benefitType() == null ? "Not recorded" : c.benefitType()),
        new Fact("Benefit started", c.benefitStartDate() == null ? "Not recorded" : Labels.date(c.benefitStartDate())),
        new Fact("Clarification deadline", deadlineText(c, today)),
        new Fact("Opened", Labels.date(c.openedAt()))));
    // each kind of record is read once: the sections and the timeline show the same lists
    List<Plan> casePlans = plans.ofCase(caseId);
    List<Placement> casePlacements = placements.ofCase(caseId);
    List<OutcomeEvent> caseOutcomes = outcomes.ofCase(caseId);
    List<Consent> caseConsents = consents.ofCase(caseId);
    Optional<Plan> inForce = casePlans.stream().filter(p -> p.status() == Plan.Status.ACTIVE).findFirst();
    model.addAttribute("plan", inForce.map(p -> new PlanRow(Labels.of(p.type()),
        p.activatedAt().map(Labels::date).orElse(""),
        p.items().stream().map(i -> (i.kind() == null ? "" : Labels.of(i.kind()) + ": ") + i.description()
            + (i.dueDate() == null ? "" : " (by " + Labels.date(i.dueDate()) + ")")).toList())).orElse(null));
    model.addAttribute("placements", casePlacements.stream().map(p -> new PlacementRow(Labels.of(p.kind()),
        p.hoursPerWeek().stripTrailingZeros().toPlainString(), Labels.date(p.startedOn()),
        p.endedOn().map(Labels::date).orElse("Going on"))).toList());
    model.addAttribute("outcomes", caseOutcomes.stream()
        .map(o -> new OutcomeRow(Labels.of(o.kind()), Labels.date(o.occurredOn()))).toList());
    boolean mayReadHealth = access.allows(me, file, CaseAccess.Need.HEALTH);
    model.addAttribute("mayReadJournal", mayReadHealth);
    model.addAttribute("timeline",
        timeline.of(c, casePlans, casePlacements, caseOutcomes, caseConsents, mayReadHealth));
    model.addAttribute("consents", caseConsents.stream().map(k -> new ConsentRow(Labels.of(k.dataCategory()),
        k.source(), k.purpose(), Labels.date(k.givenAt()),
        k.withdrawnAt().map(at -> "Withdrawn " + Labels.date(at))
            .or(() -> k.expiresAt().filter(at -> at.isBefore(clock.instant())).map(at -> "Expired " + Labels.date(at)))
            .orElse("In force"))).toList());
    long daysLeft = c.clarificationDeadline() == null ? 0 : ChronoUnit.DAYS.between(today, c.clarificationDeadline());
    model.addAttribute("countdown", c.clarificationDeadline() == null || c.status() == CaseStatus.CLOSED ? null
        : new Countdown(Math.abs(daysLeft), daysLeft < 0, Labels.date(c.clarificationDeadline()), inForce.isPresent()));
    model.addAttribute("mayWrite", access.allows(me, file, CaseAccess.Need.CHANGE));
    boolean worksOnTasks = me.role().isCaseworker() || me.role() == Role.MANAGER;
    model.addAttribute("showTasks", worksOnTasks);
    model.addAttribute("tasks", worksOnTasks ? taskRows.of(caseTasks.ofCase(me, caseId)) : List.of());
    return "case";
  }

  /** A journal note from the case page's form (CSRF-protected); back to the case, the note on top. */
  @PostMapping("/cases/{caseId}/journal-notes")
  String writeNote(@PathVariable UUID caseId, @RequestParam @NotBlank @Size(max = 20000) String body,
      @RequestParam(defaultValue = "false") boolean confidential, RedirectAttributes redirect) {
    CasewayUser me = currentUser.require();
    if (body.isBlank()) {
      redirect.addFlashAttribute("noteError", "Write the note before saving it");
      return "redirect:/cases/" + caseId + "#journal";
    }
    journal.write(caseId, me.displayName() == null ? me.username() : me.displayName(), body.strip(), confidential,
        "write a journal note on the case page");
    redirect.addFlashAttribute("noteSaved", true);
    return "redirect:/cases/" + caseId + "#journal";
  }

  /** The managers' dashboard: caseloads against their caps, the waiting list, outcomes this year by district. */
  @GetMapping("/manager")
  String manager(Model model) {
    CasewayUser me = currentUser.require();
    model.addAttribute("user", me);
    List<LoadRow> loads = caseworkers.all().stream().flatMap(w -> w.caseload().stream()
        .map(l -> new LoadRow(w.name(), w.district(), Labels.of(l.track()), l.activeCount(), l.cap()))).toList();
    model.addAttribute("loads", loads);
    // per district and track: the caseworkers' active cases against the sum of their caps
    java.util.Map<List<String>, LoadRow> loadByDistrict = new java.util.TreeMap<>(
        java.util.Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
    loads.forEach(l -> loadByDistrict.merge(List.of(l.district(), l.track()),
        new LoadRow(null, l.district(), l.track(), l.active(), l.cap()),
        (a, b) -> new LoadRow(null, a.district(), a.track(), a.active() + b.active(), a.cap() + b.cap())));
    model.addAttribute("districtLoads", List.copyOf(loadByDistrict.values()));
    LocalDate today = today();
    model.addAttribute("waiting", caseworkers.waitingList().stream().map(e -> new WaitingRow(e.caseId(),
        Labels.of(e.track()), Labels.date(e.waitingSince()),
        e.needsSocialWorkEducation())).toList());
    LocalDate horizon = today.plusDays(AT_RISK_DAYS);
    List<ClarificationDeadlines.Watched> watched = deadlines.withoutPlanBefore(horizon, WATCH_LIMIT);
    List<ClarificationDeadlines.DistrictCount> byDistrict = deadlines.byDistrict(today, horizon);
    model.addAttribute("deadlineCounts", byDistrict.stream()
        .map(d -> new DeadlineCountRow(d.region() == null ? "Waiting for a caseworker" : d.region(),
            d.district() == null ? "" : d.district(), d.missed(), d.atRisk())).toList());
    model.addAttribute("watched", watched.stream().map(w -> new WatchedRow(w.caseId(), Labels.date(w.deadline()),
        deadlineNote(w.deadline(), today), w.deadline().isBefore(today), Labels.of(w.track()),
        w.caseworker() == null ? "Nobody yet" : w.caseworker(), w.district() == null ? "" : w.district())).toList());
    model.addAttribute("missedCount", byDistrict.stream()
        .mapToLong(ClarificationDeadlines.DistrictCount::missed).sum());
    model.addAttribute("atRiskCount", byDistrict.stream()
        .mapToLong(ClarificationDeadlines.DistrictCount::atRisk).sum());
    model.addAttribute("atRiskDays", AT_RISK_DAYS);

    LocalDate from = today.withDayOfYear(1);
    var counts = outcomes.byArea(from, today.plusDays(1)).stream()
        .filter(a -> a.kind() != OutcomeEvent.Kind.LASTING_SOLUTION).toList();
    model.addAttribute("outcomesFrom", Labels.date(from));
    model.addAttribute("outcomes", counts.stream().map(a -> new AreaRow(a.region() == null ? "Not known" : a.region(),
        a.district() == null ? "Not known" : a.district(), Labels.of(a.kind()), a.count())).toList());
    model.addAttribute("districtChart", OutcomeChart.of("Outcomes by district since " + Labels.date(from), counts,
        a -> (a.district() == null ? "Not known" : a.district())));
    model.addAttribute("regionChart", OutcomeChart.of("Outcomes by region since " + Labels.date(from), counts,
        a -> a.region() == null ? "Not known" : a.region()));
    model.addAttribute("intoWork", total(counts, OutcomeEvent.Kind.INTO_WORK));
    model.addAttribute("sustained13", total(counts, OutcomeEvent.Kind.SUSTAINED_13_WEEKS));
    model.addAttribute("sustained26", total(counts, OutcomeEvent.Kind.SUSTAINED_26_WEEKS));
    return "manager";
  }

  /**
   * Everyone else's start page: a citizen's own cases, the cases shared with a health coordinator;
   * each opens on the case page, whose access check decides what they see of it.
   */
  private String home(CasewayUser me, Model model) {
    List<UUID> ids = switch (me.role()) {
      case CITIZEN -> cases.search(new CaseSearch(null, null, null, me.citizenId(), null), 0, TODAY_LIMIT).items()
          .stream().map(CaseView::caseId).toList();
      case HEALTH_COORDINATOR, COACH, SOCIAL_WORKER -> access.sharedWithMe();
      default -> List.of();
    };
    if (!ids.isEmpty()) {
      audit.record(me, AuditLog.Action.SEARCH, "cases", null, null, "list the cases open to me", true);
    }
    LocalDate today = today();
    model.addAttribute("cases", ids.stream().map(cases::get).map(c -> row(c, today)).toList());
    model.addAttribute("citizen", me.role() == Role.CITIZEN);
    return "home";
  }

  /** The cases most recently given to the caseworker, newest first, with who referred them. */
  private List<NewCaseRow> newest(List<CaseView> caseload) {
    java.time.Instant since = clock.instant().minus(java.time.Duration.ofDays(NEW_CASE_DAYS));
    return caseload.stream().filter(c -> c.assignedAt() != null && c.assignedAt().isAfter(since))
        .sorted(java.util.Comparator.comparing(CaseView::assignedAt).reversed()).limit(TODAY_TASKS)
        .map(c -> {
          var referral = c.referralId() == null ? java.util.Optional.<io.caseway.app.referral.Referral>empty()
              : referrals.find(c.referralId());
          String from = referral.flatMap(r -> partners.findById(r.partnerId()))
              .map(io.caseway.app.referral.PartnerOrganisation::name).orElse("Not known");
          String referrer = referral.map(r -> r.referrerName() + (r.referrerRole() == null ? "" : " (" + r.referrerRole() + ")"))
              .orElse("");
          return new NewCaseRow(c.caseId(), Labels.date(c.assignedAt()), from,
              referrer, referral.map(io.caseway.app.referral.Referral::healthReferred).orElse(false));
        }).toList();
  }

  private static long total(List<Outcomes.AreaCount> counts, OutcomeEvent.Kind kind) {
    return counts.stream().filter(a -> a.kind() == kind).mapToLong(Outcomes.AreaCount::count).sum();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static CaseRow row(CaseView c, LocalDate today) {
    LocalDate deadline = c.clarificationDeadline();
    boolean atRisk = deadline != null && c.status() != CaseStatus.CLOSED
        && ChronoUnit.DAYS.between(today, deadline) <= AT_RISK_DAYS;
    return new CaseRow(c.caseId(), Labels.of(c.status()), Labels.of(c.track()),
        deadline == null ? "No deadline yet" : Labels.date(deadline), deadlineNote(deadline, today), atRisk);
  }

  private static String deadlineText(CaseView c, LocalDate today) {
    LocalDate d = c.clarificationDeadline();
    return d == null ? "No deadline yet (no benefit start recorded)" : Labels.date(d) + " (" + deadlineNote(d, today) + ")";
  }

  private static String deadlineNote(LocalDate deadline, LocalDate today) {
    if (deadline == null) {
      return "";
    }
    long days = ChronoUnit.DAYS.between(today, deadline);
    return days < 0 ? "passed " + -days + " days ago" : days == 0 ? "today" : "in " + days + " days";
  }
}
