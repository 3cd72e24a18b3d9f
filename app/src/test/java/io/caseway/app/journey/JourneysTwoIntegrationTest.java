package io.caseway.app.journey;

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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 8's acceptance: one citizen, referred by an addiction clinic, from the intake through the
 * roundtable (within the clarification guarantee), a development flex job while the clarification
 * goes on, the flex-job plan, the flex job and its 13- and 26-week follow-ups, to a lasting solution;
 * real workers, PostgreSQL and the embedded engine, seen through the HTTP API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamundaSpringProcessTest
class JourneysTwoIntegrationTest {
  private static final ProcessInstanceSelector CLARIFICATION = ProcessInstanceSelectors.byProcessId(
      "clarification-guarantee");
  private static final ProcessInstanceSelector DEVELOPMENT_FLEX_JOB = ProcessInstanceSelectors.byProcessId(
      "development-flex-job");
  private static final ProcessInstanceSelector FLEX_JOB = ProcessInstanceSelectors.byProcessId("flex-job-placement");
  private static final ProcessInstanceSelector TRY_WORK = ProcessInstanceSelectors.byProcessId("try-work-protection");

  TestRestTemplate http;
  @Autowired CamundaProcessTestContext processTestContext;
  @Autowired IntegrationTestSupport support;

  private void complete(String userTask, Map<String, Object> variables) {
    processTestContext.completeUserTask(UserTaskSelectors.byElementId(userTask), variables);
  }

  /** Moves the engine's clock to an hour after midnight UTC of the day. */
  private void moveEngineTo(LocalDate day) {
    Instant target = day.atStartOfDay(ZoneOffset.UTC).plusHours(1).toInstant();
    processTestContext.increaseTime(Duration.between(processTestContext.getCurrentTime(), target));
  }

  private JsonNode get(String path) {
    ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class);
    assertThat(response.getStatusCode()).as("GET %s: %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private JsonNode post(String path, Map<String, Object> body, HttpStatus expected) {
    ResponseEntity<JsonNode> response = http.postForEntity(path, body, JsonNode.class);
    assertThat(response.getStatusCode()).as("POST %s: %s", path, response.getBody()).isEqualTo(expected);
    return response.getBody();
  }

  private static JsonNode placementOfKind(JsonNode placements, String kind) {
    for (JsonNode p : placements) {
      if (p.get("kind").asText().equals(kind)) {
        return p;
      }
    }
    throw new AssertionError("No " + kind + " placement in " + placements);
  }

  @Test
  void aCitizenReferredByAnAddictionClinicReachesAFlexJobSustainedForTwentySixWeeks() {
    support.reset();
    http = support.as(support.manager());
    UUID clinic = UUID.fromString(post("/api/partner-organisations", Map.of("name", "Nørrebro addiction clinic",
        "kind", "ADDICTION_CLINIC"), HttpStatus.CREATED).get("partnerOrganisationId").asText());
    CaseInJourney c = JourneyCases.inClarification(support, processTestContext, clinic,
        LocalDate.now(ZoneOffset.UTC).minusMonths(2));
    http = support.as(support.coach(c.caseworkerId(), true)); // the case's coach
    String theCase = "/api/cases/" + c.caseId();
    String coachNotices = "/api/caseworkers/" + c.caseworkerId() + "/notifications";
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    // the roundtable, within the clarification guarantee
    complete("UserTask_AssessWorkCapacity", Map.of("workCapacitySummary", "Short days only",
        "workCapacity", "permanently-reduced", "roundtableNeeded", true));
    complete("UserTask_CollectSelfAssessment", Map.of("healthInOwnWords", "In treatment; mornings are hard",
        "workAbilityToday", "few-hours", "bringingCompanion", false));
    complete("UserTask_ScheduleMeeting", Map.of("meetingStart", today.plusDays(5) + "T09:00:00Z",
        "meetingPlace", "Jobcentre, room 2", "participantRoles", List.of("citizen", "caseworker", "doctor"),
        "healthParticipantName", "Dr. Holm"));
    complete("UserTask_RecordMinutes", Map.of("minutes", "Short days in a quiet workplace",
        "recommendation", "development-flex-job", "recommendationReason", "A few hours a week while we clarify"));
    complete("UserTask_DecideOnRecommendation", Map.of("decision", "development-flex-job",
        "decisionReason", "Try a few hours a week first"));
    assertThat(CLARIFICATION).hasActiveElements("UserTask_AgreePlan");
    assertThat(get(theCase + "/meetings").get(0).get("decision").asText()).isEqualTo("DEVELOPMENT_FLEX_JOB");

    // while the clarification goes on: a development flex job of 2 hours a week
    UUID bakery = UUID.fromString(post("/api/employers", Map.of("name", "Bageriet", "district", "Nørrebro"),
        HttpStatus.CREATED).get("employerId").asText());
    post(theCase + "/development-flex-job", Map.of("employerId", bakery, "weeklyHours", 2), HttpStatus.ACCEPTED);
    assertThat(DEVELOPMENT_FLEX_JOB).isActive().hasCompletedElements("ServiceTask_StartDevelopmentPlacement")
        .hasActiveElements("ReceiveTask_ClarificationEnded");
    JsonNode development = placementOfKind(get(theCase + "/placements"), "DEVELOPMENT_FLEX_JOB");
    assertThat(development.get("hoursPerWeek").decimalValue()).isEqualByComparingTo("2");
    assertThat(development.get("endedOn").isNull()).isTrue();

    // the plan: a flex job; the clarification ends, and the development flex job with it
    UUID vacancy = UUID.fromString(post("/api/employers/" + bakery + "/vacancies", Map.of("title",
        "Bakery assistant, mornings", "hoursPerWeek", 10, "flexJobPossible", true), HttpStatus.CREATED)
        .get("vacancyId").asText());
    complete("UserTask_AgreePlan", Map.of("planChoice", "flex-job", "planSummary", "A flex job of a few hours a day"));
    assertThat(CLARIFICATION).isCompleted().hasCompletedElements("ServiceTask_StartPlacement");
    assertThat(DEVELOPMENT_FLEX_JOB).isCompleted().hasCompletedElements("ServiceTask_EndDevelopmentPlacement");
    JsonNode plans = get(theCase + "/plans");
    assertThat(plans.get(0).get("type").asText()).isEqualTo("FLEX_JOB");
    assertThat(plans.get(0).get("status").asText()).isEqualTo("ACTIVE");
    assertThat(placementOfKind(get(theCase + "/placements"), "DEVELOPMENT_FLEX_JOB").get("endedOn").asText())
        .isEqualTo(today.toString());

    // the flex job: eligible, granted, matched, 8 hours a week agreed, started; trying work protects the case
    assertThat(FLEX_JOB).isActive().hasVariable("caseId", c.caseId().toString())
        .hasVariable("firstSustainmentMilestone", "P91D").hasVariable("secondSustainmentMilestone", "P182D")
        .hasActiveElements("UserTask_AssessFlexJobEligibility");
    complete("UserTask_AssessFlexJobEligibility", Map.of("workCapacityPermanentlyReduced", true,
        "workCapacitySubstantiallyReduced", true, "offersTried", true, "eligibilityNotes", "Roundtable and trial"));
    assertThat(FLEX_JOB).hasVariable("flexJobGrantDate", today.toString())
        .hasVariable("vacancies", List.of(Map.of("label", "Bakery assistant, mornings, Bageriet (up to 10 hours a week)",
            "value", vacancy.toString())))
        .hasActiveElements("UserTask_AgreeHours");
    complete("UserTask_AgreeHours", Map.of("vacancyId", vacancy.toString(), "weeklyHours", 8,
        "hoursNote", "Mornings, no night shifts"));
    assertThat(FLEX_JOB).hasVariable("placementStartDate", today.toString())
        .hasCompletedElements("ServiceTask_RecordIntoWork").hasActiveElements("IntermediateCatchEvent_ThirteenWeeksInWork");
    assertThat(TRY_WORK).isActive().hasVariable("jobStartDate", today.toString()).hasVariable("tryWorkPeriod", "P6M")
        .hasCompletedElements("ServiceTask_SuspendReassessment");
    assertThat(get(theCase).get("tryingWorkSince").asText()).isEqualTo(today.toString());
    JsonNode flexJob = placementOfKind(get(theCase + "/placements"), "FLEX_JOB");
    assertThat(flexJob.get("vacancyId").asText()).isEqualTo(vacancy.toString());
    assertThat(flexJob.get("hoursPerWeek").decimalValue()).isEqualByComparingTo("8");

    // 13 weeks in the job
    moveEngineTo(today.plusDays(91));
    assertThat(FLEX_JOB).hasCompletedElements("ServiceTask_RecordSustainedThirteenWeeks")
        .hasActiveElements("IntermediateCatchEvent_TwentySixWeeksInWork");
    assertThat(placementOfKind(get(theCase + "/placements"), "FLEX_JOB").get("sustained13Weeks").asBoolean()).isTrue();

    // 26 weeks and the try-work period (6 months) in the job: sustained, and a lasting solution
    LocalDate tryWorkEnds = today.plusMonths(6);
    moveEngineTo(tryWorkEnds.isAfter(today.plusDays(182)) ? tryWorkEnds : today.plusDays(182));
    assertThat(FLEX_JOB).hasCompletedElements("ServiceTask_RecordSustainedTwentySixWeeks")
        .hasActiveElements("IntermediateCatchEvent_FlexJobEnded");
    assertThat(TRY_WORK).isCompleted().hasCompletedElements("ServiceTask_RecordLastingSolution", "EndEvent_CaseClosed");

    // what the coach and the managers see
    JsonNode closed = get(theCase);
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("lastingSolution").asText()).isEqualTo("FLEX_JOB");
    assertThat(closed.get("tryingWorkSince").isNull()).isTrue();
    flexJob = placementOfKind(get(theCase + "/placements"), "FLEX_JOB");
    assertThat(flexJob.get("sustained26Weeks").asBoolean()).isTrue();
    assertThat(flexJob.get("endedOn").isNull()).isTrue();
    List<String> outcomes = new ArrayList<>();
    get(theCase + "/outcomes").forEach(o -> outcomes.add(o.get("kind").asText() + " " + o.get("occurredOn").asText()));
    assertThat(outcomes).containsExactly("INTO_WORK " + today, "SUSTAINED_13_WEEKS " + today.plusDays(91),
        "SUSTAINED_26_WEEKS " + today.plusDays(182), "LASTING_SOLUTION " + tryWorkEnds);
    List<String> byArea = new ArrayList<>();
    support.as(support.manager()).getForObject("/api/outcomes?from=" + today + "&to=" + today.plusYears(1),
        JsonNode.class).forEach(a -> byArea.add(a.get("region").asText()
        + "/" + a.get("district").asText() + " " + a.get("kind").asText() + " " + a.get("count").asLong()));
    assertThat(byArea).containsExactlyInAnyOrder("Hovedstaden/Nørrebro INTO_WORK 1",
        "Hovedstaden/Nørrebro SUSTAINED_13_WEEKS 1", "Hovedstaden/Nørrebro SUSTAINED_26_WEEKS 1",
        "Hovedstaden/Nørrebro LASTING_SOLUTION 1");
    await().atMost(Duration.ofSeconds(10)).until(() -> notices(http, coachNotices, "TRY_WORK").size() == 1);
    List<JsonNode> told = notices(http, coachNotices, "TRY_WORK");
    assertThat(told.get(0).get("text").asText()).contains("whole try-work period").contains("a flex job");
    get(coachNotices).forEach(n -> assertThat(n.get("text").asText()).doesNotContainIgnoringCase("addiction")
        .doesNotContainIgnoringCase("treatment").doesNotContainIgnoringCase("back pain"));
  }
}
