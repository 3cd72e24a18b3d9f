package io.caseway.app.retention;

import io.caseway.app.audit.AuditLog;
import io.caseway.app.policy.Policy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases the personal data of closed cases whose retention has run out: the closure date plus the
 * period {@code retention.<TRACK>} of the case's own rule set lies before today. The period is the
 * one in force today, not at the closure: a period the municipality changes applies to the data it
 * still holds. Each case is erased in a transaction of its own, with its access-log entry in the
 * same transaction: a case that fails stays whole and the run goes on with the next. An erased case
 * is not erased again.
 *
 * <p>What goes: journal notes, health self-assessments, roundtable meetings and their participants,
 * plans and their items, placements, flex-job grants, sickness-benefit payments, notifications,
 * annual reviews, case shares, the waiting-list entry, the consents and refusal notices of the case
 * and its referral, the referral's idempotency keys; the referral's reason, referrer, needs, data
 * sources and benefit; the case's benefit and deadlines. What stays: the case as a tombstone (id,
 * track, rule set, lasting solution, caseworker, opened, assigned, closed, erased), the referral's
 * partner and dates, and the outcome events (kind, date, district and region of the caseworker:
 * no personal data). The tombstone and the referral point at a placeholder citizen; the citizen's
 * own row (and their sign-in) is deleted when nothing else refers to them, i.e. when they have no
 * other case, open or within retention, and no other referral. The access log is never touched.
 */
@Service
public class Retention {
  /** Who the access log names for an erasure. */
  public static final String ACTOR = "retention-job";
  public static final String ACTOR_ROLE = "SYSTEM";
  /** The citizen an erased case and its referral point at (see V11__retention.sql). */
  public static final UUID ERASED_CITIZEN = UUID.fromString("00000000-0000-0000-0000-0000000000ee");

  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  /** A closed case whose retention has run out: ids and dates only, no personal data. */
  public record Due(UUID caseId, String track, String ruleSet, Instant closedAt, String retention,
      LocalDate retainedUntil) {}

  /** What a run did: the cases erased, and those that failed (left whole, tried again next run). */
  public record Run(List<UUID> erased, List<UUID> failed) {}

  private final JdbcTemplate jdbc;
  private final Policy policy;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate perCase;

  Retention(JdbcTemplate jdbc, Policy policy, AuditLog audit, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
    this.perCase = new TransactionTemplate(transactions);
    this.perCase.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The closed, not yet erased cases whose retention ran out before today, soonest closed first. */
  public List<Due> due() {
    LocalDate today = LocalDate.now(clock);
    record Closed(UUID id, String track, String ruleSet, Instant closedAt) {}
    List<Closed> closed = jdbc.query("select id, track, rule_set, closed_at from case_file"
            + " where status = 'CLOSED' and erased_at is null and closed_at is not null order by closed_at, id",
        (rs, n) -> new Closed(rs.getObject("id", UUID.class), rs.getString("track"), rs.getString("rule_set"),
            rs.getTimestamp("closed_at").toInstant()));
    List<Due> due = new ArrayList<>();
    java.util.Map<String, Period> periods = new java.util.HashMap<>();
    for (Closed c : closed) {
      LocalDate closedOn = LocalDate.ofInstant(c.closedAt(), clock.getZone());
      Period period;
      try {
        period = periods.computeIfAbsent(c.ruleSet() + "|" + c.track(),
            k -> policy.period(c.ruleSet(), "retention." + c.track(), today));
      } catch (RuntimeException e) {
        log.warn("Case {} is kept: it has no retention period ({})", c.id(), e.getMessage());
        continue;
      }
      LocalDate retainedUntil = closedOn.plus(period);
      if (retainedUntil.isBefore(today)) {
        due.add(new Due(c.id(), c.track(), c.ruleSet(), c.closedAt(), period.toString(), retainedUntil));
      }
    }
    return due;
  }

  /** Erases every case that is due, each in its own transaction; a failure leaves that case whole. */
  public Run eraseDue() {
    List<UUID> erased = new ArrayList<>();
    List<UUID> failed = new ArrayList<>();
    for (Due d : due()) {
      try {
        if (Boolean.TRUE.equals(perCase.execute(tx -> erase(d)))) {
          erased.add(d.caseId());
        }
      } catch (RuntimeException e) {
        log.error("Could not erase case {}; it stays as it was and the next run tries again", d.caseId(), e);
        failed.add(d.caseId());
      }
    }
    if (!erased.isEmpty() || !failed.isEmpty()) {
      log.info("Retention: erased {} case(s), {} failed", erased.size(), failed.size());
    }
    return new Run(erased, failed);
  }

  /** Erases one case; false when it is erased already (another run, another node). */
  private boolean erase(Due d) {
    record Locked(UUID citizenId, UUID referralId) {}
    List<Locked> locked = jdbc.query("select citizen_id, referral_id from case_file"
            + " where id = ? and status = 'CLOSED' and erased_at is null for update",
        (rs, n) -> new Locked(rs.getObject("citizen_id", UUID.class), rs.getObject("referral_id", UUID.class)),
        d.caseId());
    if (locked.isEmpty()) {
      return false;
    }
    UUID caseId = d.caseId();
    UUID citizenId = locked.getFirst().citizenId();
    UUID referralId = locked.getFirst().referralId();
    jdbc.update("insert into citizen (id, person_identifier, full_name, contact_channel, created_at, version)"
        + " values (?, '#erased', 'Erased citizen', 'LETTER', now(), 0) on conflict do nothing", ERASED_CITIZEN);

    for (String table : List.of("journal_note", "health_self_assessment", "roundtable_meeting", "plan", "placement",
        "flex_job_grant", "sickness_benefit_payment", "notification", "annual_review", "waiting_list_entry",
        "case_access_grant")) {
      // participants and plan items go with their meeting and plan (on delete cascade)
      jdbc.update("delete from " + table + " where case_id = ?", caseId);
    }
    jdbc.update("delete from consent where case_id = ? or referral_id = ?", caseId, referralId);
    jdbc.update("delete from consent_refusal_notice where referral_id = ?", referralId);
    jdbc.update("delete from idempotency_key where referral_id = ?", referralId);
    jdbc.update("update referral set citizen_id = ?, referrer_name = 'erased', referrer_role = null, reason = 'erased',"
        + " needs = '{}', data_sources = '{}', benefit_type = null, benefit_start_date = null, version = version + 1"
        + " where id = ?", ERASED_CITIZEN, referralId);
    Instant now = clock.instant();
    jdbc.update("update case_file set citizen_id = ?, benefit_type = null, benefit_start_date = null,"
        + " clarification_deadline = null, trying_work_since = null, erased_at = ?, version = version + 1"
        + " where id = ?", ERASED_CITIZEN, java.sql.Timestamp.from(now), caseId);

    boolean eraseCitizen = !citizenId.equals(ERASED_CITIZEN) && !Boolean.TRUE.equals(jdbc.queryForObject(
        "select exists (select 1 from case_file where citizen_id = ?) or exists (select 1 from referral where citizen_id = ?)",
        Boolean.class, citizenId, citizenId));
    if (eraseCitizen) {
      jdbc.update("delete from consent where citizen_id = ?", citizenId);
      jdbc.update("delete from consent_refusal_notice where citizen_id = ?", citizenId);
      jdbc.update("delete from app_user where citizen_id = ?", citizenId);
      jdbc.update("delete from citizen where id = ?", citizenId);
    }

    // last, so the access log's chain lock is held only until the commit
    String why = "retention " + d.retention() + " from closure ran out on " + d.retainedUntil() + " (" + d.ruleSet()
        + " retention." + d.track() + ")";
    audit.recordWithinTransaction(ACTOR, ACTOR_ROLE, AuditLog.Action.ERASE, "case", caseId, citizenId, why);
    if (eraseCitizen) {
      audit.recordWithinTransaction(ACTOR, ACTOR_ROLE, AuditLog.Action.ERASE, "citizen", citizenId, citizenId,
          "the citizen's last case was erased");
    }
    return true;
  }
}
