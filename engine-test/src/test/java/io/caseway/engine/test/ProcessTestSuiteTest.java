package io.caseway.engine.test;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.assertions.ElementSelectors.byName;
import static io.camunda.process.test.api.assertions.UserTaskSelectors.byTaskName;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.response.Incident;
import io.camunda.process.test.api.CamundaProcessTest;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.assertions.DecisionSelectors;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Camunda Process Test's own API, unchanged, against the embedded engine (REMOTE mode). The class
 * has no Caseway-specific setup: {@code camunda-container-runtime.properties} and the session
 * listener of this module are all it takes, and the same class runs against a Camunda 8.8 cluster
 * with {@code -Dcamunda.cluster}.
 */
@CamundaProcessTest
class ProcessTestSuiteTest {

  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;

  /** CPT purges the engine and resets its clock after every test: each one starts from nothing. */
  @BeforeEach
  void startsFromAnEmptyEngineWithTheRealTime() {
    assertThat(client.newProcessInstanceSearchRequest().send().join().items()).isEmpty();
    assertThat(client.newProcessDefinitionSearchRequest().send().join().items()).isEmpty();
    assertThat(client.newUserTaskSearchRequest().send().join().items()).isEmpty();
    assertThat(Duration.between(Instant.now(), processTestContext.getCurrentTime()).abs())
        .isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void mockedWorkerCompletesTheJobAndTheInstanceEndsWithItsVariables() {
    deploy(Bpmn.createExecutableProcess("check-referral")
        .startEvent("StartEvent_Received").name("Referral received")
        .serviceTask("ServiceTask_Validate", t -> t.name("Validate referral").zeebeJobType("validate-referral"))
        .endEvent("EndEvent_Validated").name("Referral validated")
        .done());
    processTestContext.mockJobWorker("validate-referral").thenComplete(Map.of("valid", true, "reason", "GP referral"));

    ProcessInstanceEvent instance = start("check-referral", Map.of("referralId", "R-17"));

    assertThat(instance)
        .isCompleted()
        .hasCompletedElementsInOrder("StartEvent_Received", "ServiceTask_Validate", "EndEvent_Validated")
        .hasCompletedElements(byName("Validate referral"))
        .hasVariables(Map.of("referralId", "R-17", "valid", true, "reason", "GP referral"))
        .hasNoActiveIncidents();
  }

  @Test
  void userTaskWaitsForTheCoachAndItsVariablesReachTheProcess() {
    deploy(Bpmn.createExecutableProcess("first-conversation")
        .startEvent("StartEvent_Assigned")
        .userTask("UserTask_FirstConversation", t -> t.name("Hold first conversation")
            .zeebeUserTask()
            .zeebeAssignee("coach-anna")
            .zeebeCandidateGroups("coaches, social-workers")
            .zeebeTaskPriority("70"))
        .endEvent("EndEvent_Held")
        .done());

    ProcessInstanceEvent instance = start("first-conversation", Map.of());

    assertThat(instance).isActive().hasActiveElements(byName("Hold first conversation"));
    assertThat(byTaskName("Hold first conversation"))
        .isCreated()
        .hasAssignee("coach-anna")
        .hasCandidateGroups(List.of("coaches", "social-workers"))
        .hasPriority(70)
        .hasElementId("UserTask_FirstConversation")
        .hasProcessInstanceKey(instance.getProcessInstanceKey());

    processTestContext.completeUserTask(byTaskName("Hold first conversation"), Map.of("contactMade", true));

    assertThat(byTaskName("Hold first conversation")).isCompleted();
    assertThat(instance).isCompleted().hasVariable("contactMade", true);
  }

  @Test
  void increasingTheTimeFiresTheTimerOnce() {
    deploy(Bpmn.createExecutableProcess("contact-deadline")
        .startEvent("StartEvent_Assigned")
        .intermediateCatchEvent("TimerEvent_SevenDays", e -> e.name("Seven days passed").timerWithDuration("P7D"))
        .endEvent("EndEvent_DeadlineReached")
        .done());

    ProcessInstanceEvent instance = start("contact-deadline", Map.of());
    assertThat(instance).isActive().hasActiveElements("TimerEvent_SevenDays");

    processTestContext.increaseTime(Duration.ofDays(6));
    assertThat(instance).isActive().hasActiveElements("TimerEvent_SevenDays");

    processTestContext.increaseTime(Duration.ofDays(1));
    assertThat(instance).isCompleted().hasCompletedElement("TimerEvent_SevenDays", 1);
  }

  @Test
  void correlatedMessageResumesTheInstanceWaitingForIt() {
    deploy(Bpmn.createExecutableProcess("await-consent")
        .startEvent("StartEvent_Asked")
        .intermediateCatchEvent("MessageEvent_ConsentGiven", e -> e.message(m -> m.name("consent-given")
            .zeebeCorrelationKeyExpression("citizenId")))
        .endEvent("EndEvent_Consented")
        .done());

    ProcessInstanceEvent instance = start("await-consent", Map.of("citizenId", "C-42"));
    assertThat(instance).isWaitingForMessage("consent-given", "C-42").isNotWaitingForMessage("consent-given", "C-99");

    client.newCorrelateMessageCommand().messageName("consent-given").correlationKey("C-42")
        .variables(Map.of("consentScope", "GP records")).send().join();

    assertThat(instance)
        .isCompleted()
        .hasCorrelatedMessage("consent-given", "C-42")
        .hasVariable("consentScope", "GP records");
  }

  @Test
  void mockedChildProcessReturnsItsVariablesToTheCallActivity() {
    deploy(Bpmn.createExecutableProcess("clarification")
        .startEvent("StartEvent_Started")
        .callActivity("CallActivity_Roundtable", c -> c.name("Roundtable meeting").zeebeProcessId("roundtable-meeting"))
        .endEvent("EndEvent_Decided")
        .done());
    processTestContext.mockChildProcess("roundtable-meeting", Map.of("recommendation", "development flex job"));

    ProcessInstanceEvent instance = start("clarification", Map.of());

    assertThat(instance)
        .isCompleted()
        .hasCompletedElements("CallActivity_Roundtable")
        .hasVariable("recommendation", "development flex job");
  }

  @Test
  void mockedDecisionGivesItsOutputToTheBusinessRuleTask() {
    deploy(Bpmn.createExecutableProcess("triage")
        .startEvent("StartEvent_Referred")
        .businessRuleTask("BusinessRuleTask_Triage", t -> t.zeebeCalledDecisionId("triage-track")
            .zeebeResultVariable("track"))
        .endEvent("EndEvent_Triaged")
        .done());
    processTestContext.mockDmnDecision("triage-track", "interdisciplinary-unit");

    ProcessInstanceEvent instance = start("triage", Map.of());

    assertThat(instance).isCompleted().hasVariable("track", "interdisciplinary-unit");
    assertThat(DecisionSelectors.byId("triage-track", instance.getProcessInstanceKey()))
        .isEvaluated()
        .hasOutput("interdisciplinary-unit");
  }

  @Test
  void jobWithoutRetriesRaisesAnIncidentThatResolutionClears() {
    deploy(Bpmn.createExecutableProcess("notify-partner")
        .startEvent("StartEvent_Acknowledged")
        .serviceTask("ServiceTask_Notify", t -> t.zeebeJobType("notify-partner").zeebeJobRetries("1"))
        .endEvent("EndEvent_Notified")
        .done());
    ProcessInstanceEvent instance = start("notify-partner", Map.of());

    ActivatedJob job = activateOne("notify-partner");
    client.newFailCommand(job).retries(0).errorMessage("Partner inbox unreachable").send().join();

    assertThat(instance).isActive().hasActiveIncidents();
    List<Incident> incidents = client.newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(instance.getProcessInstanceKey())).send().join().items();
    assertThat(incidents).singleElement().satisfies(i -> assertThat(i.getErrorMessage()).contains("unreachable"));

    client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();
    processTestContext.completeJob("notify-partner");

    assertThat(instance).isCompleted().hasNoActiveIncidents();
  }

  @Test
  void bpmnErrorFromAJobIsCaughtByTheBoundaryEvent() {
    deploy(Bpmn.createExecutableProcess("book-meeting")
        .startEvent("StartEvent_Requested")
        .serviceTask("ServiceTask_Book", t -> t.zeebeJobType("book-meeting"))
        .boundaryEvent("BoundaryEvent_NoDoctor", b -> b.error("NO_DOCTOR_AVAILABLE"))
        .endEvent("EndEvent_Rescheduled")
        .moveToActivity("ServiceTask_Book")
        .endEvent("EndEvent_Booked")
        .done());
    ProcessInstanceEvent instance = start("book-meeting", Map.of());

    processTestContext.throwBpmnErrorFromJob("book-meeting", "NO_DOCTOR_AVAILABLE");

    assertThat(instance)
        .isCompleted()
        .hasTerminatedElements("ServiceTask_Book")
        .hasCompletedElements("BoundaryEvent_NoDoctor", "EndEvent_Rescheduled")
        .hasNotActivatedElements("EndEvent_Booked");
  }

  @Test
  void canceledInstanceIsTerminatedAndItsUserTaskCanceled() {
    deploy(Bpmn.createExecutableProcess("review")
        .startEvent("StartEvent_Due")
        .userTask("UserTask_Review", t -> t.name("Annual review").zeebeUserTask())
        .endEvent("EndEvent_Reviewed")
        .done());
    ProcessInstanceEvent instance = start("review", Map.of());
    assertThat(byTaskName("Annual review")).isCreated();

    client.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join();

    assertThat(instance).isTerminated().hasTerminatedElements("UserTask_Review");
    assertThat(byTaskName("Annual review")).isCanceled();
  }

  private void deploy(BpmnModelInstance model) {
    String id = model.getDefinitions().getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class)
        .iterator().next().getId();
    client.newDeployResourceCommand().addProcessModel(model, id + ".bpmn").send().join();
  }

  private ProcessInstanceEvent start(String processId, Map<String, Object> variables) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables)
        .send().join();
  }

  private ActivatedJob activateOne(String type) {
    List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(5)).send().join().getJobs();
    assertThat(jobs).as("a %s job", type).hasSize(1);
    return jobs.get(0);
  }
}
