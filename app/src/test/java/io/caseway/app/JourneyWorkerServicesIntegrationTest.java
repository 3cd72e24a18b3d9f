package io.caseway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.caseway.app.JourneyCases.CaseInJourney;
import io.caseway.workers.AnnualReviews;
import io.caseway.workers.ClarificationWarnings;
import io.caseway.workers.InvalidReferralException;
import io.caseway.workers.OverdueRoundtables;
import io.caseway.workers.PlanChoices;
import io.caseway.workers.RoundtableOutcomes;
import io.caseway.workers.RoundtableOutcomes.Meeting;
import io.caseway.workers.RoundtableOutcomes.Outcome;
import io.caseway.workers.RoundtableReminders;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the app does behind the Journeys I workers when a job comes twice (the engine redelivers a
 * job whose completion it did not get): one notice, one meeting, one plan, one annual review.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamundaSpringProcessTest
class JourneyWorkerServicesIntegrationTest {
  private static final Meeting HELD = new Meeting("2027-01-12T09:00", "Jobcentre",
      List.of("citizen", "caseworker", "health-coordinator"), "Hanne", null, "Short days", "flex-job", "Reduced",
      "flex-job", "Agreed");

  TestRestTemplate http;
  @Autowired CamundaProcessTestContext processTestContext;
  @Autowired IntegrationTestSupport support;
  @Autowired JdbcTemplate jdbc;
  @Autowired RoundtableReminders reminders;
  @Autowired OverdueRoundtables overdue;
  @Autowired ClarificationWarnings warnings;
  @Autowired RoundtableOutcomes outcomes;
  @Autowired PlanChoices plans;
  @Autowired AnnualReviews reviews;
  String caseId;

  @BeforeEach
  void caseInClarification() {
    support.reset();
    CaseInJourney c = JourneyCases.inClarification(support, processTestContext, support.gpPractice(),
        LocalDate.now(ZoneOffset.UTC).minusMonths(1));
    http = support.as(support.coach(c.caseworkerId(), true)); // the case's coach
    caseId = c.caseId().toString();
  }

  private long count(String table, String where) {
    return jdbc.queryForObject("select count(*) from " + table + " where " + where, Long.class);
  }

  @Test
  void aNoticeIsStoredOncePerJobOrWarningHoweverOftenItIsAskedFor() {
    reminders.remind(caseId, "job-1");
    reminders.remind(caseId, "job-1");
    reminders.remind(caseId, "job-2");
    warnings.warn(caseId, ClarificationWarnings.Warning.FIRST);
    warnings.warn(caseId, ClarificationWarnings.Warning.FIRST);
    overdue.reportOverdue(caseId, "roundtable-1");
    overdue.reportOverdue(caseId, "roundtable-1");

    assertThat(count("notification", "kind = 'ROUNDTABLE_REMINDER' and recipient_kind = 'COACH'")).isEqualTo(2);
    assertThat(count("notification", "kind = 'CLARIFICATION_WARNING'")).isEqualTo(1);
    assertThat(count("notification", "kind = 'ROUNDTABLE_OVERDUE' and recipient_kind = 'MANAGER'")).isEqualTo(1);
  }

  @Test
  void aMeetingIsRecordedOncePerRoundtableAndAnsweredAsFirstRecorded() {
    Outcome first = outcomes.record(caseId, "roundtable-1", HELD);
    Meeting changed = new Meeting("2027-02-01T09:00:00Z", "Elsewhere", HELD.participantRoles(), "Hanne", null,
        "Other", "retraining", "Other", "retraining", "Other");
    Outcome again = outcomes.record(caseId, "roundtable-1", changed);

    assertThat(first).isEqualTo(new Outcome("flex-job", "flex-job", "Agreed", "2027-01-12T09:00:00Z"));
    assertThat(again).isEqualTo(first);
    assertThat(count("roundtable_meeting", "journey_key = 'roundtable-1' and status = 'DECIDED'")).isEqualTo(1);
  }

  @Test
  void aMeetingWithoutADoctorOrHealthCoordinatorOrWithAnUnknownChoiceIsNotRecorded() {
    Meeting noDoctor = new Meeting("2027-01-12T09:00:00Z", "Jobcentre", List.of("citizen", "caseworker"), null, null,
        "Short days", "flex-job", null, "flex-job", null);
    Meeting unknownChoice = new Meeting("2027-01-12T09:00:00Z", "Jobcentre", List.of("citizen", "doctor"), null, null,
        "Short days", "something-else", null, "flex-job", null);

    assertThatThrownBy(() -> outcomes.record(caseId, "roundtable-2", noDoctor))
        .isInstanceOf(InvalidReferralException.class).hasMessageContaining("doctor or a health coordinator");
    assertThatThrownBy(() -> outcomes.record(caseId, "roundtable-3", unknownChoice))
        .isInstanceOf(InvalidReferralException.class).hasMessageContaining("'something-else'");
    assertThat(support.count("roundtable_meeting")).isZero();
  }

  @Test
  void thePlanOfAChoiceIsPutInForceOnceAndAnotherChoiceReplacesIt() {
    String flexJob = plans.putInForce(caseId, "flex-job", "");
    assertThat(plans.putInForce(caseId, "flex-job", "")).isEqualTo(flexJob);
    String pension = plans.putInForce(caseId, "early-retirement-pension", null);

    assertThat(pension).isNotEqualTo(flexJob);
    assertThat(count("plan", "status = 'ACTIVE'")).isEqualTo(1);
    assertThat(count("plan", "status = 'REPLACED' and type = 'FLEX_JOB'")).isEqualTo(1);
    assertThat(count("plan", "status = 'ACTIVE' and type = 'EARLY_RETIREMENT_PENSION'")).isEqualTo(1);
    assertThatThrownBy(() -> plans.putInForce(caseId, "holiday", null)).isInstanceOf(InvalidReferralException.class);
  }

  @Test
  void theAnnualReviewIsRecordedOnceWithOneNoticeAndAnUnknownCaseIsABusinessFailure() {
    LocalDate due = reviews.schedule(caseId);

    assertThat(reviews.schedule(caseId)).isEqualTo(due);
    assertThat(due).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusYears(1));
    assertThat(support.count("annual_review")).isEqualTo(1);
    assertThat(count("notification", "kind = 'ANNUAL_REVIEW_DUE'")).isEqualTo(1);
    String unknown = UUID.randomUUID().toString();
    assertThatThrownBy(() -> reviews.schedule(unknown)).isInstanceOf(InvalidReferralException.class)
        .hasMessageContaining(unknown);
    assertThatThrownBy(() -> warnings.warn("not-a-case", ClarificationWarnings.Warning.SECOND))
        .isInstanceOf(InvalidReferralException.class);
  }
}
