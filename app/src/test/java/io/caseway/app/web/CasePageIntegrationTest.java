package io.caseway.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.caseway.app.IntegrationTestSupport;
import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.casefile.Track;
import io.caseway.app.caseload.Assignments;
import io.caseway.app.caseload.Caseworkers;
import io.caseway.app.citizen.ContactChannel;
import io.caseway.app.consent.DataCategory;
import io.caseway.app.meeting.Meetings;
import io.caseway.app.meeting.Participant;
import io.caseway.app.referral.ReferralRequest;
import io.caseway.app.referral.Referrals;
import io.caseway.app.security.Role;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case page's account of what happened: the coach sees consents, the meeting and the journal
 * in one timeline, and reading it is in the access log; a manager sees the case's course without
 * its health information.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamundaSpringProcessTest
class CasePageIntegrationTest {
  @Autowired IntegrationTestSupport support;
  @Autowired Referrals referrals;
  @Autowired CaseFiles cases;
  @Autowired Caseworkers caseworkers;
  @Autowired Assignments assignments;
  @Autowired Meetings meetings;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theCoachSeesTheWholeStoryAndAManagerTheCourseWithoutHealthInformation() {
    support.emptyCaseFile();
    UUID partner = support.gpPractice();
    support.manager();
    UUID anna = caseworkers.register(new Caseworkers.NewCaseworker("Anna Holm", "anna@x.dk", false, "Vesterbro",
        "Hovedstaden", Map.of(Track.JOB_DIRECTED, 25))).caseworkerId();
    String coach = support.user("anna", Role.COACH, anna, null, null);
    var submitted = referrals.submit(UUID.randomUUID().toString(), new ReferralRequest(partner,
        new ReferralRequest.CitizenDetails("0707901234", "Mette", "da", ContactChannel.PHONE, null, null, null),
        new ReferralRequest.Referrer("Dr. Jensen", "GP"), "Back pain", List.of(),
        List.of(new ReferralRequest.ConsentGiven(DataCategory.GP_RECORDS, "Nørrebro GP practice",
            "Work-capacity assessment in the clarification", null)), List.of(),
        new ReferralRequest.Benefit("cash-benefit", LocalDate.now().minusMonths(2))));
    UUID caseId = UUID.fromString(cases.openCase(submitted.referral().referralId().toString(), "job-directed"));
    assertThat(assignments.take(caseId.toString(), anna.toString())).isTrue();
    meetings.recordSelfAssessment(caseId, 2, new BigDecimal("10"), "Back pain on long days", "Short days");
    meetings.schedule(caseId, Instant.now().plus(Duration.ofDays(14)), "Jobcentre, room 2",
        Set.of(new Participant(Participant.Role.CITIZEN, "Mette"), new Participant(Participant.Role.DOCTOR, "Dr. Holm")),
        null);
    assertThat(support.as(coach).postForEntity("/api/cases/" + caseId + "/journal-notes", Map.of("author", "Anna Holm",
        "body", "Talked about ten hours a week in a bakery", "confidential", false), String.class).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    var page = support.as(coach).getForEntity("/cases/" + caseId, String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("What has happened").contains("Consent given: GP records from Nørrebro GP practice")
        .contains("Roundtable meeting planned at Jobcentre, room 2").contains("Doctor (Dr. Holm)")
        .contains("Talked about ten hours a week in a bakery").contains("The case was opened")
        .contains("days left");
    assertThat(jdbc.queryForObject("select count(*) from audit_log where actor = ? and record_type = 'roundtable-meeting'"
        + " and purpose = 'read the roundtable meetings on the case page'", Long.class, coach)).isOne();

    var managers = support.as(IntegrationTestSupport.MANAGER).getForEntity("/cases/" + caseId, String.class);
    assertThat(managers.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(managers.getBody()).contains("The case was opened").contains("Consent given")
        .contains("Meetings and journal notes are not shown")
        .doesNotContain("Roundtable meeting planned").doesNotContain("bakery").doesNotContain("Dr. Holm");

    // the citizen finds their case on their start page and reads all of it, but changes nothing there
    String citizen = support.citizen(UUID.fromString(jdbc.queryForObject(
        "select citizen_id::text from case_file where id = ?", String.class, caseId)));
    assertThat(support.as(citizen).getForEntity("/", String.class).getBody()).contains("Your case")
        .contains("/cases/" + caseId);
    String own = support.as(citizen).getForEntity("/cases/" + caseId, String.class).getBody();
    assertThat(own).contains("Talked about ten hours a week in a bakery").contains("Doctor (Dr. Holm)")
        .doesNotContain("Open tasks").doesNotContain("Save note");
  }
}
