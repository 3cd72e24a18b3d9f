package io.caseway.processes;

import static io.camunda.process.test.api.CamundaAssert.assertThat;

import io.camunda.client.CamundaClient;
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

/** try-work-protection with the workers mocked: a job start, then the job ends in time or lasts the period. */
@CamundaProcessTest
class TryWorkProtectionProcessTest {
  private static final ProcessInstanceSelector TRY_WORK = ProcessInstanceSelectors.byProcessId("try-work-protection");

  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;
  private ProcessClock clock;

  @BeforeEach
  void deploy() {
    clock = new ProcessClock(processTestContext);
    ProcessResources.deployWithForms(client, "try-work-protection.bpmn");
    for (String jobType : List.of("suspend-reassessment", "resume-case", "record-outcome", "close-case")) {
      processTestContext.mockJobWorker(jobType).thenComplete();
    }
  }

  private void jobStarts(LocalDate jobStartDate) {
    client.newPublishMessageCommand().messageName("job-started").correlationKey("case-1")
        .variables(Map.of("caseId", "case-1", "jobStartDate", jobStartDate.toString(), "tryWorkPeriod", "P6M"))
        .send().join();
  }

  private void jobEnds() {
    client.newPublishMessageCommand().messageName("job-ended").correlationKey("case-1").send().join();
  }

  @Test
  void jobStartSuspendsTheReassessmentAndWaitsForTheJobToEndOrThePeriodToPass() {
    jobStarts(clock.today());

    assertThat(TRY_WORK).isActive()
        .hasCompletedElements("StartEvent_JobStarted", "ServiceTask_SuspendReassessment")
        .hasActiveElements("Gateway_JobEndedOrPeriodPassed")
        .hasNotActivatedElements("IntermediateCatchEvent_JobEnded", "IntermediateCatchEvent_TryWorkPeriodPassed");
  }

  @Test
  void jobEndingAfterFiveMonthsResumesTheCaseWithoutANewAssessment() {
    LocalDate jobStart = clock.today();
    jobStarts(jobStart);
    assertThat(TRY_WORK).hasActiveElements("Gateway_JobEndedOrPeriodPassed");

    clock.moveTo(jobStart.plusMonths(5), Duration.ZERO);
    jobEnds();

    assertThat(TRY_WORK).isCompleted()
        .hasCompletedElementsInOrder("ServiceTask_SuspendReassessment", "IntermediateCatchEvent_JobEnded",
            "ServiceTask_ResumeCase", "EndEvent_CaseResumed")
        .hasNotActivatedElements("IntermediateCatchEvent_TryWorkPeriodPassed", "ServiceTask_RecordLastingSolution",
            "ServiceTask_CloseCase");
  }

  @Test
  void jobEndingAnHourBeforeTheSixMonthsAreUpStillResumesTheCase() {
    LocalDate jobStart = clock.today();
    jobStarts(jobStart);
    assertThat(TRY_WORK).hasActiveElements("Gateway_JobEndedOrPeriodPassed");

    clock.moveTo(jobStart.plusMonths(6), Duration.ofHours(-1));
    jobEnds();

    assertThat(TRY_WORK).isCompleted().hasCompletedElements("ServiceTask_ResumeCase")
        .hasNotActivatedElements("ServiceTask_RecordLastingSolution", "ServiceTask_CloseCase");
  }

  @Test
  void sixMonthsInWorkIsALastingSolutionRecordedAsAnOutcomeAndTheCaseCloses() {
    LocalDate jobStart = clock.today();
    jobStarts(jobStart);
    assertThat(TRY_WORK).hasActiveElements("Gateway_JobEndedOrPeriodPassed");

    clock.moveJustPastMidnightOf(jobStart.plusMonths(6), TRY_WORK, "ServiceTask_RecordLastingSolution");

    OutcomeEvents.assertRecorded(assertThat(TRY_WORK), "ServiceTask_RecordLastingSolution", "lasting-solution",
            "case-1", jobStart.plusMonths(6))
        .isCompleted()
        .hasCompletedElementsInOrder("ServiceTask_SuspendReassessment", "IntermediateCatchEvent_TryWorkPeriodPassed",
            "ServiceTask_RecordLastingSolution", "ServiceTask_CloseCase", "EndEvent_CaseClosed")
        .hasNotActivatedElements("ServiceTask_ResumeCase")
        .hasLocalVariable("ServiceTask_CloseCase", "closingReason", "lasting-solution");
  }

  @Test
  void jobReportedSevenMonthsAfterItStartedCountsThePeriodFromTheJobStart() {
    LocalDate jobStart = clock.today().minusMonths(7);

    jobStarts(jobStart);

    assertThat(TRY_WORK).isCompleted().hasCompletedElements("ServiceTask_RecordLastingSolution", "EndEvent_CaseClosed")
        .hasLocalVariable("ServiceTask_RecordLastingSolution", "occurredOn", jobStart.plusMonths(6).toString());
  }
}
