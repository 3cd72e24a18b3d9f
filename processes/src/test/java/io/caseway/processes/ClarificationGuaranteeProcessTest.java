package io.caseway.processes;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.assertions.UserTaskSelectors.byElementId;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTest;
import io.camunda.process.test.api.CamundaProcessTestContext;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * clarification-guarantee with the workers mocked; the roundtable meeting is mocked as a child process, except in the
 * test that runs the real one.
 */
@CamundaProcessTest
class ClarificationGuaranteeProcessTest {
  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;
  private ProcessClock clock;

  @BeforeEach
  void deploy() {
    clock = new ProcessClock(processTestContext);
    ProcessResources.deployWithForms(client, "clarification-guarantee.bpmn");
    for (String jobType : List.of("send-clarification-warning", "start-job-directed-effort", "start-placement",
        "refer-early-retirement-pension", "start-annual-review")) {
      processTestContext.mockJobWorker(jobType).thenComplete();
    }
  }

  private ProcessInstanceEvent startClarification(LocalDate benefitStartDate) {
    return client.newCreateInstanceCommand().bpmnProcessId("clarification-guarantee").latestVersion()
        .variables(Map.of("caseId", "case-1", "citizenId", "citizen-1", "benefitStartDate", benefitStartDate.toString(),
            "firstWarningOffset", "P9M", "secondWarningOffset", "P11M", "clarificationDeadline", "P12M",
            "roundtableDeadline", "P30D", "roundtableReminderInterval", "P7D"))
        .send().join();
  }

  private void assess(boolean roundtableNeeded) {
    processTestContext.completeUserTask(byElementId("UserTask_AssessWorkCapacity"),
        Map.of("workCapacitySummary", "Can work short days with breaks", "workCapacity", "reduced",
            "roundtableNeeded", roundtableNeeded));
  }

  private void agreePlan(String planChoice, List<String> unitOffers) {
    Map<String, Object> plan = new HashMap<>(Map.of("planChoice", planChoice, "planSummary", "What we agreed"));
    plan.put("unitOffers", unitOffers);
    processTestContext.completeUserTask(byElementId("UserTask_AgreePlan"), plan);
  }

  @Test
  void warningsAtNineAndElevenMonthsAndTheManagerAtTwelveCountFromTheBenefitStartNotFromTheProcessStart() {
    LocalDate benefitStart = clock.today().minusMonths(8);
    ProcessInstanceEvent clarification = startClarification(benefitStart);
    assertThat(clarification).isActive().hasActiveElements("UserTask_AssessWorkCapacity")
        .hasNotActivatedElements("ServiceTask_SendFirstWarning");

    clock.moveJustPastMidnightOf(benefitStart.plusMonths(9), clarification, "ServiceTask_SendFirstWarning");
    assertThat(clarification).hasCompletedElement("ServiceTask_SendFirstWarning", 1)
        .hasLocalVariable("ServiceTask_SendFirstWarning", "warning", "first")
        .hasNotActivatedElements("ServiceTask_SendSecondWarning");

    clock.moveJustPastMidnightOf(benefitStart.plusMonths(11), clarification, "ServiceTask_SendSecondWarning");
    assertThat(clarification).hasCompletedElement("ServiceTask_SendSecondWarning", 1)
        .hasLocalVariable("ServiceTask_SendSecondWarning", "warning", "second")
        .hasNotActivatedElements("UserTask_FollowUpMissedDeadline");

    clock.moveJustPastMidnightOf(benefitStart.plusMonths(12), clarification, "UserTask_FollowUpMissedDeadline");
    assertThat(byElementId("UserTask_FollowUpMissedDeadline")).isCreated().hasCandidateGroup("managers");
    assertThat(clarification).isActive()
        .hasActiveElements("UserTask_FollowUpMissedDeadline", "UserTask_AssessWorkCapacity");

    // the plan is still pursued while the manager follows up
    assess(false);
    agreePlan("job-directed", List.of());
    assertThat(clarification).isActive().hasCompletedElements("ServiceTask_StartJobDirectedEffort",
        "EndEvent_AnnualReviewStarted");
    processTestContext.completeUserTask(byElementId("UserTask_FollowUpMissedDeadline"),
        Map.of("managerFollowUp", "Plan agreed the same week"));
    assertThat(clarification).isCompleted().hasCompletedElement("ServiceTask_SendFirstWarning", 1)
        .hasCompletedElement("ServiceTask_SendSecondWarning", 1);
  }

  @Test
  void benefitStartedTenMonthsAgoSendsTheOverdueFirstWarningAtOnceAndTheRestOnTime() {
    LocalDate benefitStart = clock.today().minusMonths(10);
    ProcessInstanceEvent clarification = startClarification(benefitStart);

    assertThat(clarification).isActive()
        .hasCompletedElements("BoundaryEvent_FirstWarningDue", "ServiceTask_SendFirstWarning")
        .hasNotActivatedElements("ServiceTask_SendSecondWarning", "UserTask_FollowUpMissedDeadline")
        .hasActiveElements("UserTask_AssessWorkCapacity");

    clock.moveTo(benefitStart.plusMonths(11), Duration.ofHours(1));
    assertThat(clarification).hasCompletedElement("ServiceTask_SendSecondWarning", 1)
        .hasCompletedElement("ServiceTask_SendFirstWarning", 1)
        .hasNotActivatedElements("UserTask_FollowUpMissedDeadline");
  }

  @Test
  void benefitStartedThirteenMonthsAgoWarnsAndBringsInTheManagerAtOnce() {
    ProcessInstanceEvent clarification = startClarification(clock.today().minusMonths(13));

    assertThat(clarification).isActive()
        .hasCompletedElement("ServiceTask_SendFirstWarning", 1)
        .hasCompletedElement("ServiceTask_SendSecondWarning", 1)
        .hasActiveElements("UserTask_FollowUpMissedDeadline", "UserTask_AssessWorkCapacity");
  }

  @Test
  void planAgreedInTimeEndsTheGuaranteeWithNothingLeftWaiting() {
    ProcessInstanceEvent clarification = startClarification(clock.today().minusMonths(2));

    assess(false);
    agreePlan("job-directed", List.of());

    assertThat(clarification).isCompleted()
        .hasNotActivatedElements("ServiceTask_SendFirstWarning", "ServiceTask_SendSecondWarning",
            "UserTask_FollowUpMissedDeadline", "CallActivity_RoundtableMeeting");
  }

  @ParameterizedTest
  @CsvSource({
      "job-directed,             ServiceTask_StartJobDirectedEffort,     EndEvent_AnnualReviewStarted",
      "retraining,               ServiceTask_StartPlacement,             EndEvent_AnnualReviewStarted",
      "development-flex-job,     ServiceTask_StartPlacement,             EndEvent_AnnualReviewStarted",
      "flex-job,                 ServiceTask_StartPlacement,             EndEvent_LastingSolution",
      "early-retirement-pension, ServiceTask_ReferEarlyRetirementPension, EndEvent_LastingSolution"})
  void eachPlanChoiceStartsItsPathAndOnlyALastingSolutionEndsWithoutAnAnnualReview(String planChoice, String path,
      String end) {
    ProcessInstanceEvent clarification = startClarification(clock.today().minusMonths(1));
    assess(false);

    agreePlan(planChoice, List.of());

    assertThat(clarification).isCompleted()
        .hasCompletedElementsInOrder("UserTask_AssessWorkCapacity", "UserTask_AgreePlan", "Gateway_PlanChoice", path,
            "Gateway_LastingSolution", end)
        .hasVariable("planChoice", planChoice);
    List<String> others = new ArrayList<>(List.of("ServiceTask_StartJobDirectedEffort",
        "ServiceTask_StartPlacement", "ServiceTask_ReferEarlyRetirementPension",
        "AdHocSubProcess_InterdisciplinaryUnit", "EndEvent_AnnualReviewStarted", "EndEvent_LastingSolution"));
    others.removeAll(List.of(path, end));
    assertThat(clarification).hasNotActivatedElements(others.toArray(String[]::new));
  }

  @Test
  void interdisciplinaryUnitStartsTheChosenOffersAndEndsWhenTheyAreDoneThenTheAnnualReviewStarts() {
    ProcessInstanceEvent clarification = startClarification(clock.today().minusMonths(1));
    assess(false);

    agreePlan("interdisciplinary-unit", List.of("health", "debt"));

    assertThat(clarification).isActive()
        .hasActiveElements("AdHocSubProcess_InterdisciplinaryUnit", "UserTask_HealthOffer", "UserTask_DebtOffer")
        .hasNotActivatedElements("UserTask_AddictionOffer", "UserTask_HousingOffer", "UserTask_MentoringOffer");
    assertThat(byElementId("UserTask_HealthOffer")).isCreated().hasCandidateGroup("interdisciplinary-unit");

    processTestContext.completeUserTask(byElementId("UserTask_HealthOffer"),
        Map.of("offerNotes", "GP and physiotherapy agreed", "readyToMoveOn", false));
    assertThat(clarification).isActive().hasActiveElements("UserTask_DebtOffer");

    processTestContext.completeUserTask(byElementId("UserTask_DebtOffer"),
        Map.of("offerNotes", "Debt advice booked", "readyToMoveOn", false));
    assertThat(clarification).isCompleted()
        .hasCompletedElements("AdHocSubProcess_InterdisciplinaryUnit", "ServiceTask_StartAnnualReview",
            "EndEvent_AnnualReviewStarted")
        .hasVariable("healthOfferNotes", "GP and physiotherapy agreed")
        .hasVariable("debtOfferNotes", "Debt advice booked");
  }

  @Test
  void interdisciplinaryUnitEndsEarlyWhenAnOfferFindsTheCitizenReadyToMoveOn() {
    ProcessInstanceEvent clarification = startClarification(clock.today().minusMonths(1));
    assess(false);
    agreePlan("interdisciplinary-unit", List.of("housing", "mentoring", "addiction"));
    assertThat(clarification).hasActiveElements("UserTask_HousingOffer", "UserTask_MentoringOffer",
        "UserTask_AddictionOffer");

    processTestContext.completeUserTask(byElementId("UserTask_MentoringOffer"),
        Map.of("offerNotes", "Ready for a job-directed effort", "readyToMoveOn", true));

    assertThat(clarification).isCompleted()
        .hasTerminatedElements("UserTask_HousingOffer", "UserTask_AddictionOffer")
        .hasCompletedElements("EndEvent_AnnualReviewStarted");
  }

  @Test
  void roundtableMeetingIsHeldWhenTheAssessmentAsksForItAndItsOutcomeReachesThePlan() {
    processTestContext.mockChildProcess("roundtable-meeting", Map.of("roundtableOutcome",
        Map.of("recommendation", "flex-job", "decision", "flex-job", "decisionReason", "Lasting reduced capacity")));
    ProcessInstanceEvent clarification = startClarification(clock.today().minusMonths(1));

    assess(true);

    assertThat(clarification).hasCompletedElements("CallActivity_RoundtableMeeting")
        .hasActiveElements("UserTask_AgreePlan")
        .hasVariable("roundtableOutcome",
            Map.of("recommendation", "flex-job", "decision", "flex-job", "decisionReason", "Lasting reduced capacity"));
  }

  @Test
  void realRoundtableMeetingRunsAsTheCalledProcessAndOnlyItsOutcomeComesBack() {
    ProcessResources.deployWithForms(client, "roundtable-meeting.bpmn");
    processTestContext.mockJobWorker("record-roundtable-outcome").thenComplete();
    ProcessInstanceEvent clarification = startClarification(clock.today().minusMonths(1));
    assess(true);

    processTestContext.completeUserTask(byElementId("UserTask_CollectSelfAssessment"),
        Map.of("healthInOwnWords", "Tired after a few hours", "workAbilityToday", "few-hours"));
    processTestContext.completeUserTask(byElementId("UserTask_ScheduleMeeting"),
        Map.of("meetingStart", "2026-12-15T09:00:00Z", "meetingPlace", "Jobcentre",
            "participantRoles", List.of("citizen", "caseworker", "health-coordinator")));
    processTestContext.completeUserTask(byElementId("UserTask_RecordMinutes"),
        Map.of("minutes", "Agreed to try short days", "recommendation", "development-flex-job",
            "recommendationReason", "Short days first"));
    processTestContext.completeUserTask(byElementId("UserTask_DecideOnRecommendation"),
        Map.of("decision", "development-flex-job", "decisionReason", "As recommended"));

    assertThat(clarification).hasCompletedElements("CallActivity_RoundtableMeeting")
        .hasActiveElements("UserTask_AgreePlan")
        .hasVariable("roundtableOutcome", Map.of("recommendation", "development-flex-job",
            "decision", "development-flex-job", "decisionReason", "As recommended",
            "meetingStart", "2026-12-15T09:00:00Z"));
    long key = clarification.getProcessInstanceKey();
    List<String> childVariablesInTheCase = client.newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(key).scopeKey(key)).send().join().items().stream()
        .map(v -> v.getName()).filter(List.of("minutes", "participantRoles", "decision", "healthInOwnWords")::contains)
        .toList();
    org.assertj.core.api.Assertions.assertThat(childVariablesInTheCase).isEmpty();
  }
}
