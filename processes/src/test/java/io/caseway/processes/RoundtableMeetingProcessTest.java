package io.caseway.processes;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.assertions.UserTaskSelectors.byElementId;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTest;
import io.camunda.process.test.api.CamundaProcessTestContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** roundtable-meeting on its own, as a journey calls it; the workers are mocked. */
@CamundaProcessTest
class RoundtableMeetingProcessTest {
  private static final String MEETING_START = "2026-12-15T09:00:00Z";

  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;

  @BeforeEach
  void deploy() {
    ProcessResources.deployWithForms(client, "roundtable-meeting.bpmn");
    processTestContext.mockJobWorker("send-meeting-reminder").thenComplete();
    processTestContext.mockJobWorker("report-overdue-roundtable").thenComplete();
    processTestContext.mockJobWorker("record-roundtable-outcome").thenComplete();
  }

  private ProcessInstanceEvent requestMeeting() {
    return client.newCreateInstanceCommand().bpmnProcessId("roundtable-meeting").latestVersion()
        .variables(Map.of("caseId", "case-1", "citizenId", "citizen-1",
            "roundtableDeadline", "P30D", "roundtableReminderInterval", "P7D"))
        .send().join();
  }

  private void completeSelfAssessment() {
    processTestContext.completeUserTask(byElementId("UserTask_CollectSelfAssessment"),
        Map.of("healthInOwnWords", "Back pain makes long days hard", "workAbilityToday", "few-hours",
            "bringingCompanion", true, "companionName", "Mette"));
  }

  private void schedule(List<String> participantRoles) {
    processTestContext.completeUserTask(byElementId("UserTask_ScheduleMeeting"),
        Map.of("meetingStart", MEETING_START, "meetingPlace", "Jobcentre Vesterbro, room 2",
            "participantRoles", participantRoles));
  }

  @Test
  void selfAssessmentComesFirstThenTheTeamRecommendsTheAuthorityDecidesAndTheOutcomeIsReturned() {
    ProcessInstanceEvent meeting = requestMeeting();

    assertThat(meeting).isActive().hasActiveElements("UserTask_CollectSelfAssessment")
        .hasNotActivatedElements("UserTask_ScheduleMeeting");
    assertThat(byElementId("UserTask_CollectSelfAssessment")).isCreated().hasCandidateGroup("caseworkers");
    completeSelfAssessment();

    schedule(List.of("citizen", "caseworker", "health-coordinator", "companion"));
    processTestContext.completeUserTask(byElementId("UserTask_RecordMinutes"),
        Map.of("minutes", "We talked about short days and a quiet workplace", "recommendation", "development-flex-job",
            "recommendationReason", "A few hours a week while the clarification goes on"));
    assertThat(byElementId("UserTask_DecideOnRecommendation")).isCreated().hasCandidateGroup("decision-makers");
    processTestContext.completeUserTask(byElementId("UserTask_DecideOnRecommendation"),
        Map.of("decision", "development-flex-job", "decisionReason", "We agree with the team"));

    assertThat(meeting)
        .isCompleted()
        .hasCompletedElementsInOrder("UserTask_CollectSelfAssessment", "UserTask_ScheduleMeeting",
            "Gateway_HealthRoleTakingPart", "EndEvent_MeetingScheduled", "UserTask_RecordMinutes", "UserTask_DecideOnRecommendation", "ServiceTask_RecordRoundtableOutcome",
            "EndEvent_OutcomeRecorded")
        .hasCompletedElements("SubProcess_PrepareMeeting")
        .hasNotActivatedElements("IntermediateThrowEvent_SchedulingRefused", "ServiceTask_SendMeetingReminder",
            "ServiceTask_ReportOverdueMeeting")
        .hasVariable("roundtableOutcome", Map.of("recommendation", "development-flex-job",
            "decision", "development-flex-job", "decisionReason", "We agree with the team",
            "meetingStart", MEETING_START));
  }

  @Test
  void meetingWithoutAHealthCoordinatorOrDoctorIsRefusedAndScheduledAgain() {
    ProcessInstanceEvent meeting = requestMeeting();
    completeSelfAssessment();

    schedule(List.of("citizen", "caseworker", "social-worker", "companion"));

    assertThat(meeting)
        .isActive()
        .hasCompletedElement("IntermediateThrowEvent_SchedulingRefused", 1)
        .hasActiveElements("UserTask_ScheduleMeeting")
        .hasCompletedElement("UserTask_ScheduleMeeting", 1)
        .hasNotActivatedElements("UserTask_RecordMinutes")
        .hasVariable("schedulingRefusal", "A health coordinator or a doctor must take part in the meeting.");

    schedule(List.of("citizen", "caseworker", "doctor"));

    assertThat(meeting)
        .isActive()
        .hasActiveElements("UserTask_RecordMinutes")
        .hasCompletedElement("UserTask_ScheduleMeeting", 2)
        .hasCompletedElement("IntermediateThrowEvent_SchedulingRefused", 1)
        .hasVariable("schedulingRefusal", null);
  }

  @Test
  void remindersGoOutEveryIntervalTheManagerIsToldAtTheDeadlineAndThePreparationGoesOn() {
    ProcessInstanceEvent meeting = requestMeeting();
    assertThat(meeting).hasActiveElements("UserTask_CollectSelfAssessment");

    processTestContext.increaseTime(Duration.ofDays(6));
    assertThat(meeting).hasNotActivatedElements("ServiceTask_SendMeetingReminder");

    for (int week = 1; week <= 4; week++) {
      processTestContext.increaseTime(Duration.ofDays(week == 1 ? 1 : 7));
      assertThat(meeting).hasCompletedElement("ServiceTask_SendMeetingReminder", week);
    }
    assertThat(meeting).hasNotActivatedElements("ServiceTask_ReportOverdueMeeting");

    processTestContext.increaseTime(Duration.ofDays(2));
    assertThat(meeting)
        .isActive()
        .hasCompletedElements("BoundaryEvent_DeadlinePassed", "ServiceTask_ReportOverdueMeeting")
        .hasActiveElements("UserTask_CollectSelfAssessment");

    completeSelfAssessment();
    schedule(List.of("citizen", "caseworker", "health-coordinator"));
    assertThat(meeting).hasActiveElements("UserTask_RecordMinutes");

    processTestContext.increaseTime(Duration.ofDays(14));
    assertThat(meeting)
        .hasActiveElements("UserTask_RecordMinutes")
        .hasCompletedElement("ServiceTask_SendMeetingReminder", 4)
        .hasCompletedElement("ServiceTask_ReportOverdueMeeting", 1);
  }
}
