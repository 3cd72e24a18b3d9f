package io.caseway.processes;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.assertions.UserTaskSelectors.byElementId;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTest;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.assertions.ProcessInstanceSelector;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** development-flex-job on its own, and beside a running clarification-guarantee whose timers it must not move. */
@CamundaProcessTest
class DevelopmentFlexJobProcessTest {
  private static final ProcessInstanceSelector DEVELOPMENT_FLEX_JOB =
      ProcessInstanceSelectors.byProcessId("development-flex-job");

  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;
  private ProcessClock clock;

  @BeforeEach
  void deploy() {
    clock = new ProcessClock(processTestContext);
    ProcessResources.deployWithForms(client, "development-flex-job.bpmn", "clarification-guarantee.bpmn");
    for (String jobType : List.of("start-employer-placement", "end-placement", "send-clarification-warning",
        "start-job-directed-effort", "refer-early-retirement-pension", "start-annual-review")) {
      processTestContext.mockJobWorker(jobType).thenComplete();
    }
  }

  private void developmentFlexJobAgreed() {
    client.newPublishMessageCommand().messageName("development-flex-job-agreed").correlationKey("case-1")
        .variables(Map.of("caseId", "case-1", "weeklyHours", 2, "developmentFollowUpInterval", "P28D"))
        .send().join();
  }

  private void clarificationEnded() {
    client.newPublishMessageCommand().messageName("clarification-ended").correlationKey("case-1").send().join();
  }

  @Test
  void twoHoursAWeekAreFollowedUpEveryIntervalUntilTheClarificationEnds() {
    developmentFlexJobAgreed();
    assertThat(DEVELOPMENT_FLEX_JOB).isActive()
        .hasCompletedElements("StartEvent_DevelopmentFlexJobAgreed", "ServiceTask_StartDevelopmentPlacement")
        .hasLocalVariable("ServiceTask_StartDevelopmentPlacement", "weeklyHours", 2)
        .hasLocalVariable("ServiceTask_StartDevelopmentPlacement", "placementKind", "development-flex-job")
        .hasActiveElements("ReceiveTask_ClarificationEnded");

    processTestContext.increaseTime(Duration.ofDays(27));
    assertThat(DEVELOPMENT_FLEX_JOB).hasNotActivatedElements("UserTask_FollowUpDevelopmentFlexJob");
    processTestContext.increaseTime(Duration.ofDays(1));
    assertThat(DEVELOPMENT_FLEX_JOB).hasActiveElements("UserTask_FollowUpDevelopmentFlexJob");
    assertThat(byElementId("UserTask_FollowUpDevelopmentFlexJob")).isCreated().hasCandidateGroup("caseworkers");
    processTestContext.completeUserTask(byElementId("UserTask_FollowUpDevelopmentFlexJob"),
        Map.of("followUpNotes", "Likes the work, ready for more", "weeklyHours", 4));
    assertThat(DEVELOPMENT_FLEX_JOB).hasVariable("weeklyHours", 4).hasActiveElements("ReceiveTask_ClarificationEnded");

    clarificationEnded();

    assertThat(DEVELOPMENT_FLEX_JOB).isCompleted()
        .hasCompletedElementsInOrder("ReceiveTask_ClarificationEnded", "ServiceTask_EndDevelopmentPlacement",
            "EndEvent_DevelopmentFlexJobEnded")
        .hasCompletedElement("UserTask_FollowUpDevelopmentFlexJob", 1);
  }

  @Test
  void aCallingJourneyStartsItWithoutAMessage() {
    ProcessInstanceEvent developmentFlexJob = client.newCreateInstanceCommand().bpmnProcessId("development-flex-job")
        .latestVersion().variables(Map.of("caseId", "case-1", "weeklyHours", 3, "developmentFollowUpInterval", "P28D"))
        .send().join();

    assertThat(developmentFlexJob).isActive()
        .hasCompletedElements("StartEvent_CalledFromJourney", "ServiceTask_StartDevelopmentPlacement")
        .hasActiveElements("ReceiveTask_ClarificationEnded");
  }

  @Test
  void startingItDuringTheClarificationLeavesTheClarificationsWarningTimersOnTime() {
    LocalDate benefitStart = clock.today().minusMonths(8);
    ProcessInstanceEvent clarification = client.newCreateInstanceCommand().bpmnProcessId("clarification-guarantee")
        .latestVersion()
        .variables(Map.of("caseId", "case-1", "citizenId", "citizen-1", "benefitStartDate", benefitStart.toString(),
            "firstWarningOffset", "P9M", "secondWarningOffset", "P11M", "clarificationDeadline", "P12M"))
        .send().join();
    assertThat(clarification).isActive().hasActiveElements("UserTask_AssessWorkCapacity");

    developmentFlexJobAgreed();
    assertThat(DEVELOPMENT_FLEX_JOB).isActive().hasActiveElements("ReceiveTask_ClarificationEnded");

    clock.moveJustPastMidnightOf(benefitStart.plusMonths(9), clarification, "ServiceTask_SendFirstWarning");
    assertThat(clarification).isActive().hasCompletedElement("ServiceTask_SendFirstWarning", 1)
        .hasNotActivatedElements("ServiceTask_SendSecondWarning")
        .hasActiveElements("UserTask_AssessWorkCapacity");
    clock.moveJustPastMidnightOf(benefitStart.plusMonths(11), clarification, "ServiceTask_SendSecondWarning");
    assertThat(clarification).hasCompletedElement("ServiceTask_SendSecondWarning", 1)
        .hasNotActivatedElements("UserTask_FollowUpMissedDeadline");
    assertThat(DEVELOPMENT_FLEX_JOB).isActive().hasActiveElements("ReceiveTask_ClarificationEnded",
        "UserTask_FollowUpDevelopmentFlexJob");

    processTestContext.completeUserTask(byElementId("UserTask_AssessWorkCapacity"),
        Map.of("workCapacitySummary", "Two hours a week go well", "workCapacity", "reduced", "roundtableNeeded", false));
    processTestContext.completeUserTask(byElementId("UserTask_AgreePlan"),
        Map.of("planChoice", "job-directed", "planSummary", "More hours step by step"));
    assertThat(clarification).isCompleted().hasNotActivatedElements("UserTask_FollowUpMissedDeadline");
    clarificationEnded();

    assertThat(DEVELOPMENT_FLEX_JOB).hasCompletedElements("ReceiveTask_ClarificationEnded",
        "ServiceTask_EndDevelopmentPlacement", "EndEvent_DevelopmentFlexJobEnded");
  }
}
