package io.caseway.processes;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.assertions.UserTaskSelectors.byElementId;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTest;
import io.camunda.process.test.api.CamundaProcessTestContext;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** annual-review with the workers mocked: yearly reviews counted from the last one, until a lasting solution. */
@CamundaProcessTest
class AnnualReviewProcessTest {
  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;
  private ProcessClock clock;

  @BeforeEach
  void deploy() {
    clock = new ProcessClock(processTestContext);
    ProcessResources.deployWithForms(client, "annual-review.bpmn");
    processTestContext.mockJobWorker("update-plan").thenComplete();
    processTestContext.mockJobWorker("record-outcome").thenComplete();
  }

  private ProcessInstanceEvent startReviews(LocalDate lastAssessmentDate) {
    return client.newCreateInstanceCommand().bpmnProcessId("annual-review").latestVersion()
        .variables(Map.of("caseId", "case-1", "lastAssessmentDate", lastAssessmentDate.toString(),
            "reviewInterval", "P1Y"))
        .send().join();
  }

  private void holdReview(LocalDate reviewDate, String reviewOutcome) {
    processTestContext.completeUserTask(byElementId("UserTask_HoldAnnualReview"),
        Map.of("reviewDate", reviewDate.toString(), "reviewNotes", "Short days work well", "reviewOutcome",
            reviewOutcome));
  }

  /** The review of the given year is not due an hour before its day, is due an hour after, and is held that day. */
  private void reviewIsDueOnAndHeld(LocalDate due, int year, ProcessInstanceEvent reviews) {
    clock.moveTo(due, Duration.ofHours(-1));
    assertThat(reviews).hasActiveElements("IntermediateCatchEvent_ReviewDue")
        .hasCompletedElement("UserTask_HoldAnnualReview", year - 1);
    clock.moveTo(due, Duration.ofHours(1));
    assertThat(reviews).hasActiveElements("UserTask_HoldAnnualReview");

    holdReview(due, "continue-plan");

    assertThat(reviews).isActive().hasCompletedElement("ServiceTask_UpdatePlan", year)
        .hasActiveElements("IntermediateCatchEvent_ReviewDue")
        .hasVariable("lastAssessmentDate", due.toString());
  }

  @Test
  void reviewsInYearOneTwoAndThreeThenStopWhenALastingSolutionIsRecordedElsewhere() {
    LocalDate lastAssessment = clock.today();
    ProcessInstanceEvent reviews = startReviews(lastAssessment);

    for (int year = 1; year <= 3; year++) {
      reviewIsDueOnAndHeld(lastAssessment.plusYears(year), year, reviews);
    }
    client.newPublishMessageCommand().messageName("lasting-solution-recorded").correlationKey("case-1").send().join();

    assertThat(reviews).isCompleted()
        .hasCompletedElements("BoundaryEvent_LastingSolutionRecorded", "EndEvent_ReviewsStopped")
        .hasTerminatedElements("SubProcess_ReviewYearly", "IntermediateCatchEvent_ReviewDue")
        .hasCompletedElement("UserTask_HoldAnnualReview", 3)
        .hasNotActivatedElements("ServiceTask_RecordLastingSolution");
  }

  @Test
  void reviewHeldLateMovesTheNextOneToAYearAfterIt() {
    LocalDate lastAssessment = clock.today();
    ProcessInstanceEvent reviews = startReviews(lastAssessment);
    clock.moveTo(lastAssessment.plusYears(1).plusMonths(2), Duration.ZERO);
    LocalDate lateReview = clock.today();
    holdReview(lateReview, "change-plan");

    clock.moveTo(lastAssessment.plusYears(2), Duration.ofHours(1));
    assertThat(reviews).hasActiveElements("IntermediateCatchEvent_ReviewDue")
        .hasCompletedElement("UserTask_HoldAnnualReview", 1);

    reviewIsDueOnAndHeld(lateReview.plusYears(1), 2, reviews);
  }

  @Test
  void reviewThatFindsAFlexJobUpdatesThePlanRecordsALastingSolutionAndEndsTheCycle() {
    LocalDate lastAssessment = clock.today();
    ProcessInstanceEvent reviews = startReviews(lastAssessment);
    LocalDate due = lastAssessment.plusYears(1);
    clock.moveTo(due, Duration.ofHours(1));

    holdReview(due, "flex-job");

    OutcomeEvents.assertRecorded(assertThat(reviews), "ServiceTask_RecordLastingSolution", "lasting-solution",
            "case-1", due)
        .isCompleted()
        .hasCompletedElementsInOrder("UserTask_HoldAnnualReview", "ServiceTask_UpdatePlan",
            "Gateway_LastingSolutionReached", "EndEvent_ReviewsDone", "ServiceTask_RecordLastingSolution",
            "EndEvent_ReviewsEnded")
        .hasLocalVariable("ServiceTask_RecordLastingSolution", "lastingSolution", "flex-job");
  }

  @Test
  void lastingSolutionRecordedDuringAReviewClosesTheOpenReview() {
    LocalDate lastAssessment = clock.today();
    ProcessInstanceEvent reviews = startReviews(lastAssessment);
    clock.moveTo(lastAssessment.plusYears(1), Duration.ofHours(1));
    assertThat(reviews).hasActiveElements("UserTask_HoldAnnualReview");

    client.newPublishMessageCommand().messageName("lasting-solution-recorded").correlationKey("case-1").send().join();

    assertThat(reviews).isCompleted().hasTerminatedElements("UserTask_HoldAnnualReview")
        .hasCompletedElements("EndEvent_ReviewsStopped")
        .hasNotActivatedElements("ServiceTask_UpdatePlan", "ServiceTask_RecordLastingSolution");
  }

  @Test
  void lastAssessmentMoreThanAYearAgoMakesTheReviewDueAtOnceForTheCaseworkers() {
    ProcessInstanceEvent reviews = startReviews(clock.today().minusMonths(13));

    assertThat(reviews).isActive().hasActiveElements("UserTask_HoldAnnualReview");
    assertThat(byElementId("UserTask_HoldAnnualReview")).isCreated().hasCandidateGroup("caseworkers");
  }
}
