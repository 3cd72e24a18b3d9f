package io.caseway.app.plan;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.caseway.app.JourneyCases.notices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.caseway.app.IntegrationTestSupport;
import io.caseway.app.JourneyCases;
import io.caseway.app.JourneyCases.CaseInJourney;
import io.caseway.app.notification.Notifications;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The clarification guarantee with the real workers and PostgreSQL, for a case from a real
 * referral: warnings to the coach counted from the benefit start, the manager brought in when the
 * deadline passes, the plan's choice put in force on the case, and the annual review recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamundaSpringProcessTest
class ClarificationGuaranteeIntegrationTest {
  private static final io.camunda.process.test.api.assertions.ProcessInstanceSelector CLARIFICATION =
      ProcessInstanceSelectors.byProcessId("clarification-guarantee");

  @Autowired TestRestTemplate http;
  @Autowired CamundaClient camunda;
  @Autowired CamundaProcessTestContext processTestContext;
  @Autowired IntegrationTestSupport support;
  UUID partner;

  @BeforeEach
  void setUp() {
    support.reset();
    partner = support.gpPractice();
  }

  private void agreePlan(String planChoice, String planSummary) {
    processTestContext.completeUserTask(UserTaskSelectors.byElementId("UserTask_AssessWorkCapacity"),
        Map.of("workCapacitySummary", "Can work short days with breaks", "workCapacity", "permanently-reduced",
            "roundtableNeeded", false));
    processTestContext.completeUserTask(UserTaskSelectors.byElementId("UserTask_AgreePlan"),
        Map.of("planChoice", planChoice, "planSummary", planSummary));
  }

  /** Moves the engine's clock to an hour after midnight UTC of the day. */
  private void moveEngineTo(LocalDate day) {
    Instant target = day.atStartOfDay(ZoneOffset.UTC).plusHours(1).toInstant();
    processTestContext.increaseTime(Duration.between(processTestContext.getCurrentTime(), target));
  }

  @Test
  void warnsTheCoachTwiceBringsInTheManagerAndPutsTheFlexJobPlanInForceForPlacement() {
    LocalDate benefitStart = LocalDate.now(ZoneOffset.UTC).minusMonths(10);
    CaseInJourney c = JourneyCases.inClarification(http, processTestContext, partner, benefitStart);
    String coachNotices = "/api/caseworkers/" + c.caseworkerId() + "/notifications";
    String due = Notifications.date(benefitStart.plusMonths(12));

    // 10 months in: the first warning (at 9 months) goes out at once
    assertThat(CLARIFICATION).hasCompletedElements("ServiceTask_SendFirstWarning")
        .hasActiveElements("UserTask_AssessWorkCapacity").hasNotActivatedElements("ServiceTask_SendSecondWarning");
    List<JsonNode> warnings = notices(http, coachNotices, "CLARIFICATION_WARNING");
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).get("caseId").asText()).isEqualTo(c.caseId().toString());
    assertThat(warnings.get(0).get("recipient").asText()).isEqualTo("COACH");
    assertThat(warnings.get(0).get("text").asText()).contains("due by " + due).contains("There is still time")
        .doesNotContainIgnoringCase("sanction").doesNotContainIgnoringCase("back pain");

    moveEngineTo(benefitStart.plusMonths(11));
    assertThat(CLARIFICATION).hasCompletedElements("ServiceTask_SendSecondWarning")
        .hasNotActivatedElements("UserTask_FollowUpMissedDeadline");
    warnings = notices(http, coachNotices, "CLARIFICATION_WARNING");
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(1).get("text").asText()).contains("due by " + due).contains("ask your manager");

    moveEngineTo(benefitStart.plusMonths(12));
    assertThat(CLARIFICATION).hasActiveElements("UserTask_FollowUpMissedDeadline", "UserTask_AssessWorkCapacity");
    assertThat(UserTaskSelectors.byElementId("UserTask_FollowUpMissedDeadline")).hasCandidateGroup("managers");
    assertThat(notices(http, coachNotices, "CLARIFICATION_WARNING")).hasSize(2);

    agreePlan("flex-job", "A flex job of about 10 hours a week, with short days");

    assertThat(CLARIFICATION).hasCompletedElements("ServiceTask_StartPlacement", "EndEvent_LastingSolution")
        .hasNotActivatedElements("ServiceTask_StartAnnualReview");
    JsonNode plans = http.getForObject("/api/cases/" + c.caseId() + "/plans", JsonNode.class);
    assertThat(plans).hasSize(1);
    assertThat(plans.get(0).get("type").asText()).isEqualTo("FLEX_JOB");
    assertThat(plans.get(0).get("status").asText()).isEqualTo("ACTIVE");
    assertThat(plans.get(0).get("items").get(0).get("description").asText())
        .isEqualTo("A flex job of about 10 hours a week, with short days");
    assertThat(plans.get(0).get("items").get(1).get("description").asText()).contains("Placement");
    // placement picks the case up: a flex job starts
    JsonNode employer = http.postForObject("/api/employers", Map.of("name", "Bageriet", "district", "Nørrebro"),
        JsonNode.class);
    ResponseEntity<JsonNode> placement = http.postForEntity("/api/cases/" + c.caseId() + "/placements",
        Map.of("employerId", employer.get("employerId").asText(), "kind", "FLEX_JOB", "hoursPerWeek", 10,
            "startedOn", LocalDate.now(ZoneOffset.UTC).toString()), JsonNode.class);
    assertThat(placement.getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void aJobDirectedPlanIsPutInForceAndItsAnnualReviewIsRecordedAsDueAndItsJourneyStarted() {
    CaseInJourney c = JourneyCases.inClarification(http, processTestContext, partner,
        LocalDate.now(ZoneOffset.UTC).minusMonths(2));

    agreePlan("job-directed", "Apply for warehouse jobs near home");

    assertThat(CLARIFICATION).isCompleted()
        .hasCompletedElements("ServiceTask_StartJobDirectedEffort", "ServiceTask_StartAnnualReview")
        .hasNotActivatedElements("ServiceTask_SendFirstWarning");
    JsonNode plans = http.getForObject("/api/cases/" + c.caseId() + "/plans", JsonNode.class);
    assertThat(plans.get(0).get("type").asText()).isEqualTo("JOB_DIRECTED");
    assertThat(plans.get(0).get("status").asText()).isEqualTo("ACTIVE");
    LocalDate due = LocalDate.now(ZoneOffset.UTC).plusYears(1);
    JsonNode review = http.getForObject("/api/cases/" + c.caseId() + "/annual-review", JsonNode.class);
    assertThat(review.get("dueOn").asText()).isEqualTo(due.toString());
    assertThat(review.get("reviewInterval").asText()).isEqualTo("P1Y");
    assertThat(review.get("journeyStarted").asBoolean()).isTrue();
    assertThat(ProcessInstanceSelectors.byProcessId("annual-review")).isActive()
        .hasActiveElements("IntermediateCatchEvent_ReviewDue");
    List<JsonNode> told = notices(http, "/api/caseworkers/" + c.caseworkerId() + "/notifications",
        "ANNUAL_REVIEW_DUE");
    assertThat(told).hasSize(1);
    assertThat(told.get(0).get("text").asText()).contains("due by " + Notifications.date(due));
    assertThat(notices(http, "/api/caseworkers/" + c.caseworkerId() + "/notifications", "CLARIFICATION_WARNING"))
        .isEmpty();
  }

  @Test
  void whereTheAnnualReviewJourneyIsDeployedItStartsForTheCaseWithItsReviewInterval() {
    camunda.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("annual-review")
        .startEvent().userTask("UserTask_Review").zeebeUserTask().endEvent().done(), "annual-review.bpmn")
        .send().join();
    CaseInJourney c = JourneyCases.inClarification(http, processTestContext, partner,
        LocalDate.now(ZoneOffset.UTC).minusMonths(2));

    agreePlan("retraining", "Retrain as a bookkeeper");

    assertThat(CLARIFICATION).isCompleted().hasCompletedElements("ServiceTask_StartPlacement",
        "ServiceTask_StartAnnualReview");
    assertThat(ProcessInstanceSelectors.byProcessId("annual-review")).isActive()
        .hasVariable("caseId", c.caseId().toString())
        .hasVariable("lastAssessmentDate", LocalDate.now(ZoneOffset.UTC).toString())
        .hasVariable("reviewInterval", "P1Y");
    await().atMost(Duration.ofSeconds(10)).until(() -> http.getForObject("/api/cases/" + c.caseId()
        + "/annual-review", JsonNode.class).get("journeyStarted").asBoolean());
    assertThat(http.getForObject("/api/cases/" + c.caseId() + "/plans", JsonNode.class).get(0).get("type").asText())
        .isEqualTo("RETRAINING");
  }
}
