package io.caseway.app.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.caseway.app.IntegrationTestSupport;
import io.caseway.app.caseload.Assignments;
import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.casefile.LastingSolution;
import io.caseway.app.citizen.ContactChannel;
import io.caseway.app.consent.DataCategory;
import io.caseway.app.meeting.Meetings;
import io.caseway.app.meeting.Participant;
import io.caseway.app.plan.Plan;
import io.caseway.app.plan.PlanItem;
import io.caseway.app.plan.Plans;
import io.caseway.app.referral.ReferralRequest;
import io.caseway.app.referral.Referrals;
import io.caseway.app.security.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention from closure, and the erasure that keeps a tombstone and the access log. Mette has a case
 * closed six years ago (erased) and an open one (so she keeps her details); Lars has only a case
 * closed six years ago (erased, and he with it); Sofie's case closed last month (kept).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamundaSpringProcessTest
class RetentionIntegrationTest {
  @Autowired IntegrationTestSupport support;
  @Autowired Referrals referrals;
  @Autowired CaseFiles cases;
  @Autowired Assignments assignments;
  @Autowired Meetings meetings;
  @Autowired Plans plans;
  @Autowired Retention retention;
  @Autowired JdbcTemplate jdbc;

  /** Every table with a case's personal data, by case. */
  static final List<String> CASE_TABLES = List.of("journal_note", "health_self_assessment", "roundtable_meeting", "plan",
      "sickness_benefit_payment", "notification", "annual_review", "case_access_grant", "consent");

  UUID partner;
  UUID annaId;
  UUID metteOld;
  UUID metteOpen;
  UUID larsOld;
  UUID sofieRecent;
  UUID mette;
  UUID lars;

  record Opened(UUID caseId, UUID citizenId) {}

  @BeforeEach
  void fourCases() {
    support.emptyCaseFile();
    partner = support.gpPractice();
    support.manager();
    JsonNode anna = support.as(IntegrationTestSupport.MANAGER).postForObject("/api/caseworkers", Map.of("name", "Anna",
        "email", "anna@x.dk", "socialWorkQualified", true, "district", "Vesterbro", "region", "Hovedstaden"),
        JsonNode.class);
    annaId = UUID.fromString(anna.get("caseworkerId").asText());
    support.user("anna", Role.SOCIAL_WORKER, annaId, null, null);

    Opened a = openWithRecords("0707901234", "Mette");
    Opened b = openWithRecords("0707901234", "Mette");
    Opened c = openWithRecords("0808901234", "Lars");
    Opened d = openWithRecords("0909901234", "Sofie");
    metteOld = a.caseId();
    metteOpen = b.caseId();
    larsOld = c.caseId();
    sofieRecent = d.caseId();
    mette = a.citizenId();
    lars = c.citizenId();
    assertThat(b.citizenId()).isEqualTo(mette);
    support.user("mette", Role.CITIZEN, null, null, mette);
    support.user("lars", Role.CITIZEN, null, null, lars);

    for (UUID closed : List.of(metteOld, larsOld, sofieRecent)) {
      cases.close(closed, cases.get(closed).version(), LastingSolution.ORDINARY_WORK);
    }
    // closed six years ago (retention P5Y), and last month
    jdbc.update("update case_file set closed_at = now() - interval '6 years' where id in (?, ?)", metteOld, larsOld);
    jdbc.update("update case_file set closed_at = now() - interval '1 month' where id = ?", sofieRecent);
  }

  private Opened openWithRecords(String personIdentifier, String name) {
    var submitted = referrals.submit(UUID.randomUUID().toString(), new ReferralRequest(partner,
        new ReferralRequest.CitizenDetails(personIdentifier, name, "da", ContactChannel.PHONE, "+45 12 34 56 78", null,
            null),
        new ReferralRequest.Referrer("Dr. Jensen", "GP"), "Back pain and anxiety", List.of(),
        List.of(new ReferralRequest.ConsentGiven(DataCategory.GP_RECORDS, "Vesterbro GP", "Assessment", null)),
        List.of(), null));
    UUID caseId = UUID.fromString(cases.openCase(submitted.referral().referralId().toString(), "job-directed"));
    assertThat(assignments.take(caseId.toString(), annaId.toString())).isTrue();
    meetings.recordSelfAssessment(caseId, 4, BigDecimal.TEN, "Back pain after an hour of sitting", null);
    meetings.schedule(caseId, Instant.now().plus(7, ChronoUnit.DAYS), "Jobcenter, room 2",
        Set.of(new Participant(Participant.Role.DOCTOR, "Dr. Holm"), new Participant(Participant.Role.CITIZEN, name)),
        null);
    plans.draft(caseId, Plan.Type.JOB_DIRECTED, List.of(new PlanItem(PlanItem.Kind.GOAL, "Ten hours a week", null)));
    support.as("anna").postForObject("/api/cases/" + caseId + "/journal-notes",
        Map.of("author", "Anna", "body", name + " talked about her back", "confidential", true), JsonNode.class);
    support.as("anna").postForObject("/api/cases/" + caseId + "/shares",
        Map.of("username", "hanne", "reason", "roundtable health coordinator"), JsonNode.class);
    jdbc.update("insert into sickness_benefit_payment (id, case_id, paid_from, paid_to, paid_by, recorded_at)"
        + " values (?, ?, date '2026-01-01', date '2026-01-31', 'MUNICIPALITY', now())", UUID.randomUUID(), caseId);
    jdbc.update("insert into notification (id, case_id, recipient_kind, caseworker_id, kind, dedupe_key, text, created_at)"
        + " values (?, ?, 'COACH', ?, 'ROUNDTABLE_REMINDER', 'r1', ?, now())", UUID.randomUUID(), caseId, annaId,
        "Schedule the roundtable for " + name);
    jdbc.update("insert into annual_review (case_id, last_assessment_date, review_interval, due_on, recorded_at, version)"
        + " values (?, date '2026-01-01', 'P1Y', date '2027-01-01', now(), 0)", caseId);
    jdbc.update("insert into outcome_event (id, case_id, kind, occurred_on, recorded_at, district, region)"
        + " values (?, ?, 'INTO_WORK', date '2026-02-01', now(), 'Vesterbro', 'Hovedstaden')", UUID.randomUUID(), caseId);
    return new Opened(caseId, submitted.referral().citizenId());
  }

  private long rows(String table, UUID caseId) {
    return jdbc.queryForObject("select count(*) from " + table + " where case_id = ?", Long.class, caseId);
  }

  private long erasures() {
    return jdbc.queryForObject("select count(*) from audit_log where action = 'ERASE' and actor = ?", Long.class,
        Retention.ACTOR);
  }

  @Test
  void closedCasesPastRetentionAreErasedToATombstoneAndTheRestIsUntouched() {
    JsonNode due = support.as(IntegrationTestSupport.MANAGER).getForObject("/api/retention/due", JsonNode.class);
    assertThat(due.findValuesAsText("caseId")).containsExactlyInAnyOrder(metteOld.toString(), larsOld.toString());
    assertThat(due.toString()).doesNotContain("Mette", "Lars", "0707901234");
    for (UUID c : List.of(metteOld, larsOld, metteOpen, sofieRecent)) {
      for (String table : CASE_TABLES) {
        assertThat(rows(table, c)).as(table + " of " + c).isPositive();
      }
    }

    long outcomes = support.count("outcome_event");
    Retention.Run run = retention.eraseDue();

    assertThat(run.erased()).containsExactlyInAnyOrder(metteOld, larsOld);
    assertThat(run.failed()).isEmpty();
    // the erased cases: no personal or health data left, a tombstone and the outcome events remain
    for (UUID c : List.of(metteOld, larsOld)) {
      for (String table : CASE_TABLES) {
        assertThat(rows(table, c)).as(table + " of erased " + c).isZero();
      }
      assertThat(rows("outcome_event", c)).isPositive();
      Map<String, Object> tombstone = jdbc.queryForMap("select * from case_file where id = ?", c);
      assertThat(tombstone.get("erased_at")).isNotNull();
      assertThat(tombstone.get("status")).isEqualTo("CLOSED");
      assertThat(tombstone.get("track")).isEqualTo("JOB_DIRECTED");
      assertThat(tombstone.get("rule_set")).isEqualTo("DK-2026");
      assertThat(tombstone.get("closed_at")).isNotNull();
      assertThat(tombstone.get("citizen_id")).isEqualTo(Retention.ERASED_CITIZEN);
      assertThat(tombstone.get("benefit_start_date")).isNull();
      Map<String, Object> referral = jdbc.queryForMap("select r.* from referral r join case_file c on c.referral_id = r.id"
          + " where c.id = ?", c);
      assertThat(referral.get("reason")).isEqualTo("erased");
      assertThat(referral.get("referrer_name")).isEqualTo("erased");
      assertThat(referral.get("citizen_id")).isEqualTo(Retention.ERASED_CITIZEN);
    }
    assertThat(support.count("outcome_event")).as("outcome events are kept").isEqualTo(outcomes);
    assertThat(jdbc.queryForObject("select count(*) from meeting_participant p join roundtable_meeting m"
        + " on m.id = p.meeting_id where m.case_id in (?, ?)", Long.class, metteOld, larsOld)).isZero();
    // the case within retention and the open case are untouched
    for (UUID c : List.of(metteOpen, sofieRecent)) {
      for (String table : CASE_TABLES) {
        assertThat(rows(table, c)).as(table + " of kept " + c).isPositive();
      }
      assertThat(jdbc.queryForObject("select erased_at from case_file where id = ?", Instant.class, c)).isNull();
    }
    // Mette has an open case: her details stay; Lars had no other case: he is gone, and his sign-in too
    assertThat(jdbc.queryForObject("select full_name from citizen where id = ?", String.class, mette)).isEqualTo("Mette");
    assertThat(jdbc.queryForObject("select count(*) from citizen where id = ?", Long.class, lars)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from citizen where person_identifier = '0808901234'", Long.class))
        .isZero();
    assertThat(jdbc.queryForObject("select count(*) from app_user where username = 'lars'", Long.class)).isZero();

    // through the API: the tombstone, without personal data; the erased health data are gone
    var manager = support.as(IntegrationTestSupport.MANAGER);
    JsonNode tombstone = manager.getForObject("/api/cases/" + metteOld, JsonNode.class);
    assertThat(tombstone.get("erasedAt").isNull()).isFalse();
    assertThat(tombstone.get("citizenId").asText()).isEqualTo(Retention.ERASED_CITIZEN.toString());
    assertThat(tombstone.get("track").asText()).isEqualTo("JOB_DIRECTED");
    assertThat(support.as("anna").getForObject("/api/cases/" + metteOld + "/journal-notes", JsonNode.class)).isEmpty();
    assertThat(support.as("anna").getForObject("/api/cases/" + metteOld + "/self-assessments", JsonNode.class))
        .isEmpty();
    assertThat(support.as("anna").getForObject("/api/cases/" + sofieRecent + "/journal-notes", JsonNode.class))
        .isNotEmpty();
    assertThat(support.as("lars").getForEntity("/api/cases/" + larsOld, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    // the access log: one entry per erased case and one for Lars; Mette sees hers; the chain holds
    assertThat(erasures()).isEqualTo(3);
    JsonNode log = support.as("mette").getForObject("/api/citizens/" + mette + "/access-log", JsonNode.class);
    assertThat(log.toString()).contains("retention-job", "ERASE", "case " + metteOld);
    JsonNode verification = manager.getForObject("/api/audit/verification", JsonNode.class);
    assertThat(verification.get("intact").asBoolean()).isTrue();
    assertThat(manager.getForObject("/api/retention/due", JsonNode.class)).isEmpty();

    // a second run erases nothing more
    assertThat(retention.eraseDue().erased()).isEmpty();
    assertThat(erasures()).isEqualTo(3);
    assertThat(rows("journal_note", metteOpen)).isPositive();
    assertThat(manager.getForObject("/api/audit/verification", JsonNode.class).get("intact").asBoolean()).isTrue();
  }

  @Test
  void aCaseThatFailsStaysWholeAndTheRunGoesOnWithTheNext() {
    // something the erasure does not know refers to Lars: deleting him fails, so his case rolls back
    jdbc.execute("create table retention_blocker (citizen_id uuid references citizen (id))");
    try {
      jdbc.update("insert into retention_blocker values (?)", lars);
      Retention.Run run = retention.eraseDue();
      assertThat(run.erased()).containsExactly(metteOld);
      assertThat(run.failed()).containsExactly(larsOld);
      for (String table : CASE_TABLES) {
        assertThat(rows(table, larsOld)).as(table).isPositive();
      }
      assertThat(jdbc.queryForObject("select erased_at from case_file where id = ?", Instant.class, larsOld)).isNull();
      assertThat(erasures()).isEqualTo(1);
    } finally {
      jdbc.execute("drop table retention_blocker");
    }
    assertThat(retention.eraseDue().erased()).containsExactly(larsOld);
    assertThat(erasures()).isEqualTo(3);
    assertThat(support.as(IntegrationTestSupport.MANAGER).getForObject("/api/audit/verification", JsonNode.class)
        .get("intact").asBoolean()).isTrue();
  }
}
