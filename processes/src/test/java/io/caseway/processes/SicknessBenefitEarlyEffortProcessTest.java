package io.caseway.processes;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.assertions.UserTaskSelectors.byElementId;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTest;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.assertions.DecisionSelectors;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * sickness-benefit-early-effort with the workers mocked and the real DMN sickness-reassessment: the first
 * conversation by the end of week 8, the employer contact, and the 22-week re-assessment over the payment history.
 */
@CamundaProcessTest
class SicknessBenefitEarlyEffortProcessTest {
  private static final int EMPLOYER_PAID_DAYS = 30;

  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;
  private ProcessClock clock;

  @BeforeEach
  void deploy() {
    clock = new ProcessClock(processTestContext);
    ProcessResources.deployWithForms(client, "sickness-benefit-early-effort.bpmn", "sickness-reassessment.dmn");
    processTestContext.mockJobWorker("contact-employer").thenComplete();
  }

  private void paymentHistoryIs(LocalDate from, LocalDate to) {
    processTestContext.mockJobWorker("fetch-payment-history").thenComplete(
        Map.of("paymentHistory", List.of(Map.of("from", from.toString(), "to", to.toString()))));
  }

  /** Sickness benefit paid from the sickness start on, for a year. */
  private ProcessInstanceEvent startPaidThroughout(LocalDate sicknessStartDate) {
    paymentHistoryIs(sicknessStartDate, sicknessStartDate.plusYears(1));
    return startEarlyEffort(sicknessStartDate);
  }

  private ProcessInstanceEvent startEarlyEffort(LocalDate sicknessStartDate) {
    return client.newCreateInstanceCommand().bpmnProcessId("sickness-benefit-early-effort").latestVersion()
        .variables(Map.of("caseId", "case-1", "sicknessStartDate", sicknessStartDate.toString(),
            "firstConversationDeadline", "P56D", "employerPaidPeriod", "P30D", "reassessmentLookback", "P9M",
            "reassessmentCheckInterval", "P7D"))
        .send().join();
  }

  private void holdFirstConversation() {
    processTestContext.completeUserTask(byElementId("UserTask_HoldFirstConversation"),
        Map.of("conversationDate", clock.today().toString(), "conversationNotes", "Back pain, wants to keep the job",
            "retentionPlan", "Shorter days and no lifting for a month"));
  }

  @Test
  void missedFirstConversationAtTheEndOfWeekEightBringsInAManagerAndTheConversationStaysOpen() {
    LocalDate sicknessStart = clock.today().minusWeeks(3);
    ProcessInstanceEvent effort = startPaidThroughout(sicknessStart);
    assertThat(effort).isActive().hasActiveElements("UserTask_HoldFirstConversation");
    assertThat(byElementId("UserTask_HoldFirstConversation")).isCreated().hasCandidateGroup("caseworkers")
        .hasDueDate(sicknessStart.plusWeeks(8) + "T00:00:00Z");

    clock.moveJustPastMidnightOf(sicknessStart.plusWeeks(8), effort, "UserTask_FollowUpMissedConversation");

    assertThat(byElementId("UserTask_FollowUpMissedConversation")).isCreated().hasCandidateGroup("managers");
    assertThat(effort).isActive()
        .hasActiveElements("UserTask_FollowUpMissedConversation", "UserTask_HoldFirstConversation");
    holdFirstConversation();
    assertThat(effort).hasCompletedElements("ServiceTask_ContactEmployer")
        .hasActiveElements("UserTask_FollowUpMissedConversation");
  }

  @Test
  void firstConversationInTimeIsFollowedByTheEmployerContactAndNoManager() {
    LocalDate sicknessStart = clock.today().minusWeeks(2);
    ProcessInstanceEvent effort = startPaidThroughout(sicknessStart);

    holdFirstConversation();
    clock.moveTo(sicknessStart.plusWeeks(8), Duration.ofHours(1));

    assertThat(effort).isActive()
        .hasCompletedElementsInOrder("UserTask_HoldFirstConversation", "ServiceTask_ContactEmployer")
        .hasNotActivatedElements("BoundaryEvent_FirstConversationOverdue", "UserTask_FollowUpMissedConversation",
            "UserTask_Reassess");
  }

  @ParameterizedTest(name = "{1} days paid after the employer period: re-assessment due {2}")
  @CsvSource({
      "200, 154, false",
      "200, 155, true",
      "200, 161, true",
      "60,  30,  false"})
  void reassessmentIsDueWhenMoreThanTwentyTwoWeeksArePaidNotCountingTheEmployerPaidDays(int daysSinceSicknessStart,
      int daysPaidAfterEmployerPeriod, boolean due) {
    LocalDate sicknessStart = clock.today().minusDays(daysSinceSicknessStart);
    paymentHistoryIs(sicknessStart, sicknessStart.plusDays(EMPLOYER_PAID_DAYS + daysPaidAfterEmployerPeriod - 1));

    ProcessInstanceEvent effort = startEarlyEffort(sicknessStart);

    assertThat(DecisionSelectors.byId("sickness-reassessment")).isEvaluated().hasOutput(due);
    assertThat(effort).hasVariable("reassessmentDue", due);
    if (due) {
      assertThat(effort).hasActiveElements("UserTask_Reassess");
    } else {
      assertThat(effort).hasActiveElements("IntermediateCatchEvent_NextCheckDue")
          .hasNotActivatedElements("UserTask_Reassess");
    }
  }

  @Test
  void paymentsBeforeTheLookBackPeriodDoNotCount() {
    LocalDate sicknessStart = clock.today().minusMonths(15);
    // 23 weeks paid, but only the last 10 of them within the last 9 months
    paymentHistoryIs(clock.today().minusMonths(9).minusWeeks(13), clock.today().minusMonths(9).plusWeeks(10));

    ProcessInstanceEvent effort = startEarlyEffort(sicknessStart);

    assertThat(effort).hasVariable("reassessmentDue", false).hasActiveElements("IntermediateCatchEvent_NextCheckDue");
  }

  @Test
  void paymentHistoryIsCheckedEveryWeekUntilTheReassessmentIsDueThenTheEarlyEffortEnds() {
    // paid throughout: 146 days after the employer period today, 153 in a week, 160 (over 22 weeks) in two
    LocalDate sicknessStart = clock.today().minusDays(175);
    ProcessInstanceEvent effort = startPaidThroughout(sicknessStart);
    holdFirstConversation();
    assertThat(effort).hasCompletedElement("BusinessRuleTask_DecideReassessment", 1)
        .hasActiveElements("IntermediateCatchEvent_NextCheckDue");

    processTestContext.increaseTime(Duration.ofDays(7));
    assertThat(effort).hasCompletedElement("BusinessRuleTask_DecideReassessment", 2)
        .hasActiveElements("IntermediateCatchEvent_NextCheckDue").hasNotActivatedElements("UserTask_Reassess");

    processTestContext.increaseTime(Duration.ofDays(7));
    assertThat(effort).hasCompletedElement("BusinessRuleTask_DecideReassessment", 3)
        .hasActiveElements("UserTask_Reassess");
    assertThat(byElementId("UserTask_Reassess")).isCreated().hasCandidateGroup("caseworkers");

    processTestContext.completeUserTask(byElementId("UserTask_Reassess"),
        Map.of("reassessmentDecision", "extend", "reassessmentReason", "Surgery planned next month"));
    // reported 25 weeks into the sickness, the first conversation was overdue from the start
    assertThat(effort).isActive().hasActiveElements("UserTask_FollowUpMissedConversation");
    processTestContext.completeUserTask(byElementId("UserTask_FollowUpMissedConversation"),
        Map.of("managerFollowUp", "Reported late by the employer; nothing to catch up"));
    assertThat(effort).isCompleted().hasCompletedElements("Gateway_EarlyEffortDone", "EndEvent_EarlyEffortEnded")
        .hasCompletedElement("BusinessRuleTask_DecideReassessment", 3);
  }
}
