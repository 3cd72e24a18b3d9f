package io.caseway.app.web;

import io.caseway.app.audit.AuditLog;
import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.casefile.CaseSearch;
import io.caseway.app.security.CasewayUser;
import io.caseway.app.task.CaseTasks;
import io.caseway.app.task.CaseTasks.TaskSummary;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Tasks as the pages list them: who has each, how long it has waited and when it is due, in words. */
@Component
class TaskRows {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

  /** A task in a list, with its dates in words. */
  record TaskRow(long key, String name, String processName, UUID caseId, String caseLabel, String assignee,
      boolean mine, String waiting, String due, boolean overdue) {}

  /** Cases a caseworker has on their list, at most. */
  private static final int CASELOAD_LIMIT = 200;

  private final CaseTasks tasks;
  private final CaseFiles cases;
  private final AuditLog audit;
  private final Clock clock;

  TaskRows(CaseTasks tasks, CaseFiles cases, AuditLog audit, Clock clock) {
    this.tasks = tasks;
    this.cases = cases;
    this.audit = audit;
    this.clock = clock;
  }

  /** A caseworker's inbox: the tasks of their caseload; a manager's: their team's escalations. */
  List<TaskSummary> inbox(CasewayUser me) {
    if (me.role().isCaseworker() && me.caseworkerId() != null) {
      audit.record(me, AuditLog.Action.SEARCH, "user-task", null, null, "list the tasks of my caseload", true);
      List<UUID> caseIds = cases.search(new CaseSearch(me.caseworkerId(), null, null, null, null), 0, CASELOAD_LIMIT)
          .items().stream().map(c -> c.caseId()).toList();
      return tasks.ofCases(me, caseIds);
    }
    audit.record(me, AuditLog.Action.SEARCH, "user-task", null, null, "list my team's tasks", true);
    return tasks.ofMyGroups(me);
  }
  List<TaskRow> of(List<TaskSummary> list) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return list.stream().map(t -> new TaskRow(t.key(), t.name(), t.processName(), t.caseId(),
        "Case " + t.caseId().toString().substring(0, 8), t.assignee(), t.mine(), waiting(t.created(), now),
        t.due() == null ? null : t.due().atZoneSameInstant(tasks.zone()).format(WHEN),
        t.due() != null && t.due().isBefore(now))).toList();
  }

  private static String waiting(OffsetDateTime created, OffsetDateTime now) {
    if (created == null) {
      return "";
    }
    long days = ChronoUnit.DAYS.between(created, now);
    long hours = ChronoUnit.HOURS.between(created, now);
    return days >= 2 ? days + " days" : days == 1 ? "1 day" : hours >= 1 ? hours + (hours == 1 ? " hour" : " hours")
        : "less than an hour";
  }
}
