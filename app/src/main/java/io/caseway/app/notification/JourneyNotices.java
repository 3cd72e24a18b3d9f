package io.caseway.app.notification;

import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.casefile.CaseView;
import io.caseway.app.notification.Notification.Kind;
import io.caseway.workers.ClarificationWarnings;
import io.caseway.workers.OverdueRoundtables;
import io.caseway.workers.RoundtableReminders;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * The notices the roundtable meeting and the clarification guarantee send: meeting reminders and
 * the clarification warnings to the coach, the overdue meeting to the managers. Each names the date
 * that matters (the date the plan is due by) and never a health detail.
 */
@Service
class JourneyNotices implements RoundtableReminders, OverdueRoundtables, ClarificationWarnings {
  private final CaseFiles cases;
  private final Notifications notifications;

  JourneyNotices(CaseFiles cases, Notifications notifications) {
    this.cases = cases;
    this.notifications = notifications;
  }

  @Override
  public void remind(String caseId, String reminderKey) {
    CaseView c = cases.forJob(caseId);
    notifications.toCoach(c, Kind.ROUNDTABLE_REMINDER, reminderKey,
        "Reminder: the roundtable meeting for this case is not booked yet. Please agree a time with the citizen"
            + " and a health coordinator or doctor." + planDue(c));
  }

  @Override
  public void reportOverdue(String caseId, String meetingKey) {
    CaseView c = cases.forJob(caseId);
    notifications.toManagers(c, Kind.ROUNDTABLE_OVERDUE, meetingKey,
        "The roundtable meeting for this case was not ready by its deadline. The coach is still preparing it;"
            + " please check whether they need help to book it." + planDue(c));
  }

  @Override
  public void warn(String caseId, Warning warning) {
    CaseView c = cases.forJob(caseId);
    String due = c.clarificationDeadline() == null ? "soon"
        : "by " + Notifications.date(c.clarificationDeadline());
    String text = switch (warning) {
      case FIRST -> "The work-capacity assessment and the plan for this case are due " + due
          + ". There is still time: please plan the next steps with the citizen.";
      case SECOND -> "The work-capacity assessment and the plan for this case are due " + due
          + ", which is close. Please agree the plan with the citizen before then, and ask your manager if you"
          + " need help.";
    };
    notifications.toCoach(c, Kind.CLARIFICATION_WARNING, warning.name().toLowerCase(Locale.ROOT), text);
  }

  private static String planDue(CaseView c) {
    return c.clarificationDeadline() == null ? ""
        : " The plan for the case is due by " + Notifications.date(c.clarificationDeadline()) + ".";
  }
}
