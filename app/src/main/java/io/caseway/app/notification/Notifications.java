package io.caseway.app.notification;

import io.caseway.app.casefile.CaseView;
import io.caseway.app.notification.Notification.Kind;
import io.caseway.app.notification.Notification.Recipient;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores notices for the case's coach and for the managers. Idempotent: a notice is stored once per
 * case, kind and dedupe key (the database keeps the first), so a job delivered twice tells once.
 */
@Service
public class Notifications {
  private static final int LIST_LIMIT = 100;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private final NotificationRepository notifications;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  Notifications(NotificationRepository notifications, JdbcTemplate jdbc, Clock clock) {
    this.notifications = notifications;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A date as a notice says it: {@code 1 June 2027}. */
  public static String date(LocalDate date) {
    return date.format(DATE);
  }

  /** Tells the case's coach; a case without one (it waits for a coach) tells the managers instead. */
  @Transactional
  public void toCoach(CaseView theCase, Kind kind, String dedupeKey, String text) {
    UUID coach = theCase.caseworkerId();
    store(theCase.caseId(), coach == null ? Recipient.MANAGER : Recipient.COACH, coach, kind, dedupeKey, text);
  }

  @Transactional
  public void toManagers(CaseView theCase, Kind kind, String dedupeKey, String text) {
    store(theCase.caseId(), Recipient.MANAGER, null, kind, dedupeKey, text);
  }

  private void store(UUID caseId, Recipient recipient, UUID caseworkerId, Kind kind, String dedupeKey, String text) {
    jdbc.update("insert into notification (id, case_id, recipient_kind, caseworker_id, kind, dedupe_key, text,"
            + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (case_id, kind, dedupe_key) do nothing",
        UUID.randomUUID(), caseId, recipient.name(), new SqlParameterValue(Types.OTHER, caseworkerId), kind.name(),
        dedupeKey, text, java.sql.Timestamp.from(clock.instant()));
  }

  /** A caseworker's notices, newest first (at most 100). */
  @Transactional(readOnly = true)
  public List<Notification> ofCaseworker(UUID caseworkerId) {
    return notifications.findByCaseworkerIdOrderByCreatedAtDesc(caseworkerId, Limit.of(LIST_LIMIT));
  }

  /** The managers' notices, newest first (at most 100). */
  @Transactional(readOnly = true)
  public List<Notification> forManagers() {
    return notifications.findByRecipientOrderByCreatedAtDesc(Recipient.MANAGER, Limit.of(LIST_LIMIT));
  }

  @Transactional(readOnly = true)
  public List<Notification> ofCase(UUID caseId) {
    return notifications.findByCaseIdOrderByCreatedAtAsc(caseId);
  }
}
