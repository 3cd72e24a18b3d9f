package io.caseway.app.web;

import io.caseway.app.audit.AuditLog;
import io.caseway.app.casefile.CaseAccess;
import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.casefile.CaseSearch;
import io.caseway.app.casefile.CaseView;
import io.caseway.app.caseload.Caseworkers;
import io.caseway.app.journal.Journal;
import io.caseway.app.notification.Notifications;
import io.caseway.app.outcome.Outcomes;
import io.caseway.app.placement.Placements;
import io.caseway.app.plan.Plans;
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

  record CaseRow(UUID caseId, String status, String track, String deadline, String deadlineNote, boolean atRisk) {}

  record NoticeRow(UUID caseId, String text, String kind) {}

  record Fact(String label, String value) {}

  record PlanRow(String type, String since, List<String> items) {}

  record PlacementRow(String kind, String hours, String started, String ended) {}

  record OutcomeRow(String kind, String on) {}

  record NoteRow(String author, String writtenOn, String body, boolean confidential) {}

  record LoadRow(String name, String district, String track, int active, int cap, int percent, boolean full) {}

  record WaitingRow(UUID caseId, String track, String since, boolean socialWorker) {}

  record AreaRow(String region, String district, String kind, long count, int percent) {}

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
  private final CaseTasks caseTasks;
  private final TaskRows taskRows;
  private final Clock clock;

  PageController(CurrentUser currentUser, CaseFiles cases, CaseAccess access, AuditLog audit,
      Notifications notifications, Plans plans, Placements placements, Outcomes outcomes, Journal journal,
      Caseworkers caseworkers, CaseTasks caseTasks, TaskRows taskRows, Clock clock) {
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
    this.caseTasks = caseTasks;
    this.taskRows = taskRows;
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
      return "home";
    }
    audit.record(me, AuditLog.Action.SEARCH, "cases", null, null, "list my caseload", true);
    LocalDate today = today();
    List<CaseRow> rows = cases.search(new CaseSearch(me.caseworkerId(), null, null, null, null), 0, TODAY_LIMIT)
        .items().stream().map(c -> row(c, today)).toList();
    model.addAttribute("cases", rows);
    model.addAttribute("atRiskCount", rows.stream().filter(CaseRow::atRisk).count());
    model.addAttribute("notices", notifications.ofCaseworker(me.caseworkerId()).stream()
        .map(n -> new NoticeRow(n.caseId(), n.text(), Labels.of(n.kind()))).toList());
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
        new Fact("Opened", Labels.date(LocalDate.ofInstant(c.openedAt(), ZoneOffset.UTC)))));
    model.addAttribute("plan", plans.inForce(caseId).map(p -> new PlanRow(Labels.of(p.type()),
        p.activatedAt().map(at -> Labels.date(LocalDate.ofInstant(at, ZoneOffset.UTC))).orElse(""),
        p.items().stream().map(i -> (i.kind() == null ? "" : Labels.of(i.kind()) + ": ") + i.description()
            + (i.dueDate() == null ? "" : " (by " + Labels.date(i.dueDate()) + ")")).toList())).orElse(null));
    model.addAttribute("placements", placements.ofCase(caseId).stream().map(p -> new PlacementRow(Labels.of(p.kind()),
        p.hoursPerWeek().stripTrailingZeros().toPlainString(), Labels.date(p.startedOn()),
        p.endedOn().map(Labels::date).orElse("Going on"))).toList());
    model.addAttribute("outcomes", outcomes.ofCase(caseId).stream()
        .map(o -> new OutcomeRow(Labels.of(o.kind()), Labels.date(o.occurredOn()))).toList());
    boolean mayReadJournal = access.allows(me, file, CaseAccess.Need.HEALTH);
    model.addAttribute("mayReadJournal", mayReadJournal);
    if (mayReadJournal) {
      model.addAttribute("notes", journal.read(caseId, "read the journal on the case page").stream()
          .map(n -> new NoteRow(n.author(), Labels.date(LocalDate.ofInstant(n.writtenAt(), ZoneOffset.UTC)), n.body(),
              n.confidential())).toList());
    }
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
    model.addAttribute("loads", caseworkers.all().stream().flatMap(w -> w.caseload().stream()
        .map(l -> new LoadRow(w.name(), w.district(), Labels.of(l.track()), l.activeCount(), l.cap(),
            l.cap() == 0 ? 100 : Math.min(100, l.activeCount() * 100 / l.cap()), l.activeCount() >= l.cap())))
        .toList());
    LocalDate today = today();
    model.addAttribute("waiting", caseworkers.waitingList().stream().map(e -> new WaitingRow(e.caseId(),
        Labels.of(e.track()), Labels.date(LocalDate.ofInstant(e.waitingSince(), ZoneOffset.UTC)),
        e.needsSocialWorkEducation())).toList());
    LocalDate from = today.withDayOfYear(1);
    var counts = outcomes.byArea(from, today.plusDays(1));
    long most = counts.stream().mapToLong(Outcomes.AreaCount::count).max().orElse(1);
    model.addAttribute("outcomesFrom", Labels.date(from));
    model.addAttribute("outcomes", counts.stream().map(a -> new AreaRow(a.region() == null ? "Not known" : a.region(),
        a.district() == null ? "Not known" : a.district(), Labels.of(a.kind()), a.count(),
        (int) (a.count() * 100 / Math.max(1, most)))).toList());
    return "manager";
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static CaseRow row(CaseView c, LocalDate today) {
    LocalDate deadline = c.clarificationDeadline();
    boolean atRisk = deadline != null && c.status() != io.caseway.app.casefile.CaseStatus.CLOSED
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
