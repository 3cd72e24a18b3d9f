package io.caseway.processes;

import static io.camunda.process.test.api.CamundaAssert.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaProcessTest;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.assertions.DecisionSelectors;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** referral-intake with its real triage decision; the workers are mocked (their own tests cover them). */
@CamundaProcessTest
class ReferralIntakeProcessTest {
  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;

  @BeforeEach
  void deploy() {
    client.newDeployResourceCommand()
        .addResourceFromClasspath("caseway/processes/referral-intake.bpmn")
        .addResourceFromClasspath("caseway/processes/triage-track.dmn")
        .send().join();
    processTestContext.mockJobWorker("acknowledge-referral").thenComplete(Map.of("acknowledgedAt", "2026-12-01T09:00:00Z"));
    processTestContext.mockJobWorker("open-case").thenComplete(Map.of("caseId", "case-1"));
  }

  private void refer(String referralId, List<String> needs) {
    client.newPublishMessageCommand().messageName("referral-received").correlationKey("")
        .messageId(referralId).variables(Map.of("referralId", referralId, "needs", needs)).send().join();
  }

  @Test
  void referralWithHealthNeedsGoesToTheInterdisciplinaryUnitAndIsAssigned() {
    processTestContext.mockJobWorker("assign-coach").thenComplete(Map.of("assigned", true, "caseworkerId", "cw-1"));

    refer("R-1", List.of("health", "debt"));

    var instance = ProcessInstanceSelectors.byProcessId("referral-intake");
    assertThat(instance)
        .isCompleted()
        .hasCompletedElementsInOrder("StartEvent_ReferralReceived", "ServiceTask_AcknowledgeReferral",
            "BusinessRuleTask_TriageTrack", "ServiceTask_OpenCase", "ServiceTask_AssignCoach", "Gateway_CoachAssigned",
            "EndEvent_CaseAssigned")
        .hasVariable("track", "interdisciplinary-unit")
        .hasNotActivatedElements("EndEvent_OnWaitingList");
    assertThat(DecisionSelectors.byId("triage-track")).isEvaluated().hasOutput("interdisciplinary-unit");
  }

  @Test
  void referralWithoutOtherNeedsIsJobDirectedAndWaitsWhenNoCoachHasCapacity() {
    processTestContext.mockJobWorker("assign-coach").thenComplete(Map.of("assigned", false));

    refer("R-2", List.of());

    assertThat(ProcessInstanceSelectors.byProcessId("referral-intake"))
        .isCompleted()
        .hasVariable("track", "job-directed")
        .hasCompletedElements("EndEvent_OnWaitingList")
        .hasNotActivatedElements("EndEvent_CaseAssigned");
  }
}
