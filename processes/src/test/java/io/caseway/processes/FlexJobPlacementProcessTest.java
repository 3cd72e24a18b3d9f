package io.caseway.processes;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.assertions.UserTaskSelectors.byElementId;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTest;
import io.camunda.process.test.api.CamundaProcessTestContext;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * flex-job-placement with the workers mocked and the real DMN flex-job-eligibility: eligibility, the placement and
 * its 13- and 26-week follow-ups, and the grant's 2½-year follow-ups, 4½-year status and end.
 */
@CamundaProcessTest
class FlexJobPlacementProcessTest {
  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;
  private ProcessClock clock;
  private LocalDate grantDate;

  @BeforeEach
  void deploy() {
    clock = new ProcessClock(processTestContext);
    grantDate = clock.today();
    ProcessResources.deployWithForms(client, "flex-job-placement.bpmn", "flex-job-eligibility.dmn");
    processTestContext.mockJobWorker("grant-flex-job").thenComplete(Map.of("flexJobGrantDate", grantDate.toString()));
    processTestContext.mockJobWorker("match-vacancies").thenComplete(
        Map.of("vacancies", List.of(Map.of("label", "Bakery, mornings", "value", "vacancy-7"))));
    processTestContext.mockJobWorker("start-employer-placement").thenComplete(
        Map.of("placementStartDate", grantDate.toString()));
    processTestContext.mockJobWorker("record-outcome").thenComplete();
  }

  private ProcessInstanceEvent considerFlexJob() {
    return client.newCreateInstanceCommand().bpmnProcessId("flex-job-placement").latestVersion()
        .variables(Map.of("caseId", "case-1", "flexJobGrantPeriod", "P5Y", "flexJobFollowUpInterval", "P30M",
            "flexJobStatusOffset", "P54M", "firstSustainmentMilestone", "P91D", "secondSustainmentMilestone", "P182D"))
        .send().join();
  }

  private void assess(boolean permanentlyReduced, boolean substantiallyReduced, boolean offersTried) {
    processTestContext.completeUserTask(byElementId("UserTask_AssessFlexJobEligibility"),
        Map.of("workCapacityPermanentlyReduced", permanentlyReduced,
            "workCapacitySubstantiallyReduced", substantiallyReduced, "offersTried", offersTried,
            "eligibilityNotes", "Roundtable meeting and two work trials"));
  }

  private void agreeHours(int weeklyHours) {
    processTestContext.completeUserTask(byElementId("UserTask_AgreeHours"),
        Map.of("vacancyId", "vacancy-7", "weeklyHours", weeklyHours, "hoursNote", "Mornings, no lifting"));
  }

  /** Eligible, granted today, placed today with two hours a week. */
  private ProcessInstanceEvent placedWithTwoHoursAWeek() {
    ProcessInstanceEvent flexJob = considerFlexJob();
    assess(true, true, true);
    agreeHours(2);
    assertThat(flexJob).hasActiveElements("IntermediateCatchEvent_ThirteenWeeksInWork");
    return flexJob;
  }

  @Test
  void eligibleCitizenIsGrantedMatchedAndPlacedWithTwoHoursAWeekAndIntoWorkIsRecorded() {
    ProcessInstanceEvent flexJob = considerFlexJob();
    assertThat(byElementId("UserTask_AssessFlexJobEligibility")).isCreated().hasCandidateGroup("caseworkers");

    assess(true, true, true);
    assertThat(flexJob).hasVariable("flexJobEligibility", Map.of("eligible", true, "reason",
        "The work capacity is permanently and substantially reduced and other offers have been tried."));
    assertThat(byElementId("UserTask_AgreeHours")).isCreated().hasCandidateGroup("caseworkers");
    agreeHours(2);

    OutcomeEvents.assertRecorded(assertThat(flexJob), "ServiceTask_RecordIntoWork", "into-work", "case-1", grantDate)
        .isActive()
        .hasCompletedElementsInOrder("BusinessRuleTask_DecideFlexJobEligibility", "ServiceTask_GrantFlexJob",
            "ServiceTask_MatchVacancies", "UserTask_AgreeHours", "ServiceTask_StartPlacement",
            "ServiceTask_RecordIntoWork")
        .hasActiveElements("SubProcess_FlexJobGrant", "IntermediateCatchEvent_ThirteenWeeksInWork")
        .hasLocalVariable("ServiceTask_StartPlacement", "weeklyHours", 2)
        .hasLocalVariable("ServiceTask_StartPlacement", "vacancyId", "vacancy-7")
        .hasLocalVariable("ServiceTask_StartPlacement", "placementKind", "flex-job");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "false | true  | true  | The work capacity is not permanently reduced.",
      "true  | false | true  | The work capacity is not substantially reduced.",
      "true  | true  | false | Other offers have to be tried first."})
  void withoutAPermanentAndSubstantialReductionOrOtherOffersTriedThereIsNoGrant(boolean permanentlyReduced,
      boolean substantiallyReduced, boolean offersTried, String reason) {
    ProcessInstanceEvent flexJob = considerFlexJob();

    assess(permanentlyReduced, substantiallyReduced, offersTried);

    assertThat(flexJob).isCompleted().hasCompletedElements("EndEvent_NotEligible")
        .hasNotActivatedElements("ServiceTask_GrantFlexJob", "SubProcess_FlexJobGrant")
        .hasVariable("flexJobEligibility", Map.of("eligible", false, "reason", reason));
  }

  @Test
  void assessmentWithoutAnAnswerOnOtherOffersCountsAsNotTried() {
    ProcessInstanceEvent flexJob = considerFlexJob();

    processTestContext.completeUserTask(byElementId("UserTask_AssessFlexJobEligibility"),
        Map.of("workCapacityPermanentlyReduced", true, "workCapacitySubstantiallyReduced", true,
            "eligibilityNotes", "Offers not yet discussed"));

    assertThat(flexJob).isCompleted().hasCompletedElements("EndEvent_NotEligible")
        .hasVariable("flexJobEligibility", Map.of("eligible", false, "reason", "Other offers have to be tried first."));
  }

  @Test
  void zeroHoursAreSentBackForAgreementAndAnyPositiveNumberStartsThePlacement() {
    ProcessInstanceEvent flexJob = considerFlexJob();
    assess(true, true, true);

    agreeHours(0);
    assertThat(flexJob).hasCompletedElement("UserTask_AgreeHours", 1).hasActiveElements("UserTask_AgreeHours")
        .hasNotActivatedElements("ServiceTask_StartPlacement");

    agreeHours(1);
    assertThat(flexJob).hasCompletedElements("ServiceTask_StartPlacement")
        .hasLocalVariable("ServiceTask_StartPlacement", "weeklyHours", 1);
  }

  @Test
  void sustainmentAtThirteenAndTwentySixWeeksFromTheStartIsRecordedAsOutcomes() {
    processTestContext.mockJobWorker("record-sustainment").thenComplete(Map.of("jobSustained", true));
    ProcessInstanceEvent flexJob = placedWithTwoHoursAWeek();

    sustainedAt(flexJob, 13, "ServiceTask_CheckThirteenWeekSustainment", "ServiceTask_RecordSustainedThirteenWeeks",
        "IntermediateCatchEvent_TwentySixWeeksInWork");
    sustainedAt(flexJob, 26, "ServiceTask_CheckTwentySixWeekSustainment", "ServiceTask_RecordSustainedTwentySixWeeks",
        "IntermediateCatchEvent_FlexJobEnded");

    client.newPublishMessageCommand().messageName("flex-job-ended").correlationKey("case-1").send().join();
    assertThat(flexJob).isActive().hasCompletedElement("ServiceTask_MatchVacancies", 2)
        .hasActiveElements("UserTask_AgreeHours");
  }

  /**
   * The placement (started on the grant date) is checked the given number of weeks later, not an hour before, with
   * the milestone as input; it is sustained, so the outcome is recorded and the next element waits.
   */
  private void sustainedAt(ProcessInstanceEvent flexJob, int weeks, String check, String record, String next) {
    LocalDate milestoneDay = grantDate.plusWeeks(weeks);
    clock.moveJustPastMidnightOf(milestoneDay, flexJob, check);
    OutcomeEvents.assertRecorded(assertThat(flexJob), record, "sustained-" + weeks + "-weeks", "case-1", milestoneDay)
        .hasCompletedElementsInOrder(check, record)
        .hasLocalVariable(check, "milestone", weeks + "-weeks")
        .hasActiveElements(next);
  }

  @Test
  void jobNotSustainedAtThirteenWeeksLeadsToANewMatchWithoutASustainedOutcome() {
    processTestContext.mockJobWorker("record-sustainment").thenComplete(Map.of("jobSustained", false));
    ProcessInstanceEvent flexJob = placedWithTwoHoursAWeek();

    clock.moveTo(grantDate.plusWeeks(13), Duration.ofHours(1));

    assertThat(flexJob).isActive().hasCompletedElements("ServiceTask_CheckThirteenWeekSustainment")
        .hasCompletedElement("ServiceTask_MatchVacancies", 2).hasActiveElements("UserTask_AgreeHours")
        .hasNotActivatedElements("ServiceTask_RecordSustainedThirteenWeeks",
            "IntermediateCatchEvent_TwentySixWeeksInWork");
  }

  @Test
  void grantIsFollowedUpAtTwoAndAHalfYearsNotBeforeGetsAStatusAtFourAndAHalfAndEndsAfterFive() {
    processTestContext.mockJobWorker("record-sustainment").thenComplete(Map.of("jobSustained", true));
    ProcessInstanceEvent flexJob = placedWithTwoHoursAWeek();

    clock.moveTo(grantDate.plusMonths(29), Duration.ZERO);
    assertThat(flexJob).hasActiveElements("IntermediateCatchEvent_FlexJobEnded")
        .hasNotActivatedElements("UserTask_FollowUpFlexJob");
    clock.moveJustPastMidnightOf(grantDate.plusMonths(30), flexJob, "UserTask_FollowUpFlexJob");
    assertThat(flexJob).hasActiveElements("UserTask_FollowUpFlexJob")
        .hasNotActivatedElements("UserTask_PrepareFlexJobStatus");
    assertThat(byElementId("UserTask_FollowUpFlexJob")).isCreated().hasCandidateGroup("caseworkers");
    processTestContext.completeUserTask(byElementId("UserTask_FollowUpFlexJob"),
        Map.of("followUpNotes", "Going well, same hours", "adjustmentNeeded", false));

    clock.moveJustPastMidnightOf(grantDate.plusMonths(54), flexJob, "UserTask_PrepareFlexJobStatus");
    assertThat(flexJob).hasActiveElements("UserTask_PrepareFlexJobStatus")
        .hasCompletedElement("UserTask_FollowUpFlexJob", 1).hasNotActivatedElements("UserTask_DecideOnGrant");
    processTestContext.completeUserTask(byElementId("UserTask_PrepareFlexJobStatus"),
        Map.of("statusNotes", "Stable at two hours a week", "statusRecommendation", "permanent-grant"));

    clock.moveJustPastMidnightOf(grantDate.plusYears(5), flexJob, "UserTask_DecideOnGrant");
    assertThat(flexJob).hasActiveElements("UserTask_DecideOnGrant")
        .hasTerminatedElements("SubProcess_FlexJobGrant", "IntermediateCatchEvent_FlexJobEnded")
        .hasCompletedElement("UserTask_FollowUpFlexJob", 1)
        .hasCompletedElement("UserTask_PrepareFlexJobStatus", 1);
    assertThat(byElementId("UserTask_DecideOnGrant")).isCreated().hasCandidateGroup("decision-makers");
    processTestContext.completeUserTask(byElementId("UserTask_DecideOnGrant"),
        Map.of("grantDecision", "permanent-grant", "grantDecisionReason", "Lasting reduced work capacity"));
    assertThat(flexJob).isCompleted().hasCompletedElements("EndEvent_GrantDecided");
  }
}
