package io.caseway.app.meeting;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.caseway.app.JourneyCases.notices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.ProcessInstanceSelector;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import io.caseway.app.IntegrationTestSupport;
import io.caseway.app.JourneyCases;
import io.caseway.app.JourneyCases.CaseInJourney;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The roundtable meeting with the real workers and PostgreSQL, called from the clarification
 * guarantee of a case from a real referral: self-assessment first, no meeting without a doctor or
 * health coordinator, reminders to the coach and the overdue notice to the managers, and the
 * recommendation and decision recorded on the case and returned to the clarification.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamundaSpringProcessTest
class RoundtableMeetingIntegrationTest {
  private static final ProcessInstanceSelector ROUNDTABLE = ProcessInstanceSelectors.byProcessId("roundtable-meeting");
  private static final String MEETING_START = "2027-01-12T09:00:00Z";

  TestRestTemplate http;
  @Autowired CamundaProcessTestContext processTestContext;
  @Autowired IntegrationTestSupport support;

  private void complete(String userTask, Map<String, Object> variables) {
    processTestContext.completeUserTask(UserTaskSelectors.byElementId(userTask), variables);
  }

  @Test
  void theMeetingIsPreparedWithADoctorRemindedOverdueReportedAndItsRecommendationAndDecisionRecordedOnTheCase() {
    support.reset();
    CaseInJourney c = JourneyCases.inClarification(support, processTestContext, support.gpPractice(),
        LocalDate.now(ZoneOffset.UTC).minusMonths(1));
    http = support.as(support.coach(c.caseworkerId(), true)); // the case's coach
    String coachNotices = "/api/caseworkers/" + c.caseworkerId() + "/notifications";
    complete("UserTask_AssessWorkCapacity", Map.of("workCapacitySummary", "Unclear how many hours",
        "workCapacity", "unclear", "roundtableNeeded", true));

    // the citizen's own words come first; they stay in the journey, not in any notice
    assertThat(ROUNDTABLE).hasActiveElements("UserTask_CollectSelfAssessment")
        .hasVariable("caseId", c.caseId().toString()).hasVariable("roundtableReminderInterval", "P7D");
    complete("UserTask_CollectSelfAssessment", Map.of("healthInOwnWords", "Back pain makes long days hard",
        "workAbilityToday", "few-hours", "bringingCompanion", false));
    complete("UserTask_ScheduleMeeting", Map.of("meetingStart", MEETING_START, "meetingPlace", "Jobcentre, room 2",
        "participantRoles", List.of("citizen", "caseworker")));
    assertThat(ROUNDTABLE).hasActiveElements("UserTask_ScheduleMeeting")
        .hasCompletedElements("IntermediateThrowEvent_SchedulingRefused")
        .hasVariable("schedulingRefusal", "A health coordinator or a doctor must take part in the meeting.");

    // while it is being prepared, the coach is reminded every 7 days; after 30 days the managers are told
    processTestContext.increaseTime(Duration.ofDays(8));
    await().atMost(Duration.ofSeconds(10)).until(() -> notices(http, coachNotices, "ROUNDTABLE_REMINDER").size() == 1);
    processTestContext.increaseTime(Duration.ofDays(8));
    await().atMost(Duration.ofSeconds(10)).until(() -> notices(http, coachNotices, "ROUNDTABLE_REMINDER").size() == 2);
    assertThat(notices(support.as(support.manager()), "/api/notifications?recipient=MANAGER", "ROUNDTABLE_OVERDUE")).isEmpty();
    processTestContext.increaseTime(Duration.ofDays(15));
    assertThat(ROUNDTABLE).hasCompletedElements("ServiceTask_ReportOverdueMeeting");
    List<JsonNode> overdue = notices(support.as(support.manager()), "/api/notifications?recipient=MANAGER", "ROUNDTABLE_OVERDUE");
    assertThat(overdue).hasSize(1);
    assertThat(overdue.get(0).get("caseId").asText()).isEqualTo(c.caseId().toString());
    assertThat(overdue.get(0).get("caseworkerId").isNull()).isTrue();
    List<JsonNode> reminders = notices(http, coachNotices, "ROUNDTABLE_REMINDER");
    assertThat(reminders).hasSizeGreaterThanOrEqualTo(2);
    assertThat(reminders.get(0).get("text").asText()).contains("not booked yet").contains("health coordinator or doctor")
        .doesNotContainIgnoringCase("back pain");
    assertThat(ROUNDTABLE).hasActiveElements("UserTask_ScheduleMeeting");

    complete("UserTask_ScheduleMeeting", Map.of("meetingStart", MEETING_START, "meetingPlace", "Jobcentre, room 2",
        "participantRoles", List.of("citizen", "caseworker", "doctor", "companion"), "healthParticipantName",
        "Dr. Holm", "companionName", "Jens"));
    complete("UserTask_RecordMinutes", Map.of("minutes", "We talked about short days and a quiet workplace",
        "recommendation", "development-flex-job", "recommendationReason", "A few hours a week while we clarify"));
    complete("UserTask_DecideOnRecommendation", Map.of("decision", "flex-job",
        "decisionReason", "The work capacity is lastingly reduced"));

    Map<String, Object> outcome = Map.of("recommendation", "development-flex-job", "decision", "flex-job",
        "decisionReason", "The work capacity is lastingly reduced", "meetingStart", MEETING_START);
    assertThat(ROUNDTABLE).isCompleted().hasVariable("roundtableOutcome", outcome);
    assertThat(ProcessInstanceSelectors.byProcessId("clarification-guarantee"))
        .hasActiveElements("UserTask_AgreePlan").hasVariable("roundtableOutcome", outcome);
    JsonNode meetings = http.getForObject("/api/cases/" + c.caseId() + "/meetings", JsonNode.class);
    assertThat(meetings).hasSize(1);
    JsonNode meeting = meetings.get(0);
    assertThat(meeting.get("status").asText()).isEqualTo("DECIDED");
    assertThat(meeting.get("scheduledAt").asText()).isEqualTo(MEETING_START);
    assertThat(meeting.get("recommendation").asText()).isEqualTo("DEVELOPMENT_FLEX_JOB");
    assertThat(meeting.get("recommendationNotes").asText()).isEqualTo("A few hours a week while we clarify");
    assertThat(meeting.get("decision").asText()).isEqualTo("FLEX_JOB");
    assertThat(meeting.get("decisionNotes").asText()).isEqualTo("The work capacity is lastingly reduced");
    assertThat(meeting.get("minutes").asText()).isEqualTo("We talked about short days and a quiet workplace");
    assertThat(meeting.get("companionName").asText()).isEqualTo("Jens");
    assertThat(meeting.get("participants").findValuesAsText("role"))
        .containsExactlyInAnyOrder("CITIZEN", "CASEWORKER", "DOCTOR");
    assertThat(meeting.get("participants").findValuesAsText("name")).contains("Dr. Holm");
  }
}
