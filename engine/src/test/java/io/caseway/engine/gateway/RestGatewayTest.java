package io.caseway.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.PartitionBrokerHealth;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.caseway.engine.Engine;
import io.caseway.engine.EngineConfig;
import io.caseway.engine.protocol.RecordType;
import io.caseway.engine.protocol.intent.IncidentIntent;
import io.caseway.engine.protocol.intent.JobIntent;
import io.caseway.engine.protocol.intent.MessageIntent;
import io.caseway.engine.protocol.intent.UserTaskIntent;
import io.caseway.engine.protocol.value.JobRecord;
import io.caseway.engine.protocol.value.MessageRecord;
import io.caseway.engine.protocol.value.UserTaskRecord;
import io.caseway.engine.protocol.value.VariableRecord;
import io.caseway.engine.testing.EngineHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.ProcessInstanceRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST API v2 as the unmodified Camunda client sees it when it prefers REST. Its gRPC address
 * points where nothing listens, so every call in these tests goes over REST.
 */
class RestGatewayTest {
  @TempDir Path dir;
  EngineHarness h;
  CamundaClient rest;

  @BeforeEach
  void start() {
    h = new EngineHarness(dir);
    rest = h.newRestOnlyClient();
  }

  @AfterEach
  void stop() {
    h.close(); // first: the engine answers parked long polls, so the client need not wait for them to time out
    rest.close();
  }

  private static BpmnModelInstance serviceTask(String id, String type) {
    return Bpmn.createExecutableProcess(id).startEvent("StartEvent_1").serviceTask("ServiceTask_1", t -> t.zeebeJobType(type))
        .endEvent("EndEvent_1").done();
  }

  private long deployAndStart(BpmnModelInstance model, String id, Map<String, Object> variables) {
    rest.newDeployResourceCommand().addProcessModel(model, id + ".bpmn").send().join();
    return rest.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().variables(variables).send().join()
        .getProcessInstanceKey();
  }

  private ActivatedJob activateOne(String type) {
    return Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> rest.newActivateJobsCommand()
        .jobType(type).maxJobsToActivate(1).requestTimeout(Duration.ofMillis(500)).send().join().getJobs(),
        jobs -> !jobs.isEmpty()).get(0);
  }

  /** A process around an ad-hoc sub-process with one debt-advice task; {@code adHocExtensions} goes inside it first. */
  private static String offersModel(String processId, String adHocExtensions) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
          <process id="%s" isExecutable="true">
            <startEvent id="StartEvent_1"/>
            <sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="AdHocSubProcess_Offers"/>
            <adHocSubProcess id="AdHocSubProcess_Offers">
              %s
              <serviceTask id="ServiceTask_Debt">
                <extensionElements><zeebe:taskDefinition type="debt-offer"/></extensionElements>
              </serviceTask>
            </adHocSubProcess>
            <sequenceFlow id="Flow_2" sourceRef="AdHocSubProcess_Offers" targetRef="EndEvent_1"/>
            <endEvent id="EndEvent_1"/>
          </process>
        </definitions>""".formatted(processId, adHocExtensions);
  }

  private static ProblemException problem(Throwable e) {
    Throwable t = e;
    while (!(t instanceof ProblemException) && t.getCause() != null) {
      t = t.getCause();
    }
    assertThat(t).isInstanceOf(ProblemException.class);
    return (ProblemException) t;
  }

  private long events() {
    return h.records().stream().filter(r -> r.recordType() == RecordType.EVENT).count();
  }

  @Test
  void shouldAnswerTopologyWithOneHealthyPartition() {
    var topology = rest.newTopologyRequest().send().join();
    assertThat(topology.getClusterSize()).isEqualTo(1);
    assertThat(topology.getPartitionsCount()).isEqualTo(1);
    assertThat(topology.getGatewayVersion()).isEqualTo("8.8.14");
    assertThat(topology.getBrokers()).singleElement().satisfies(b -> assertThat(b.getPartitions()).singleElement()
        .satisfies(p -> {
          assertThat(p.getPartitionId()).isEqualTo(1);
          assertThat(p.isLeader()).isTrue();
          assertThat(p.getHealth()).isEqualTo(PartitionBrokerHealth.HEALTHY);
        }));
  }

  @Test
  void shouldDeployCreateAndAwaitResults() {
    var model = Bpmn.createExecutableProcess("result").startEvent()
        .scriptTask("ScriptTask_Double", s -> s.zeebeExpression("x * 2").zeebeResultVariable("doubled")).endEvent().done();
    var deployment = rest.newDeployResourceCommand().addProcessModel(model, "result.bpmn")
        .addResourceFromClasspath("dmn/shipping.dmn").send().join();
    assertThat(deployment.getKey()).isPositive();
    assertThat(deployment.getProcesses()).singleElement().satisfies(p -> {
      assertThat(p.getBpmnProcessId()).isEqualTo("result");
      assertThat(p.getVersion()).isEqualTo(1);
      assertThat(p.getResourceName()).isEqualTo("result.bpmn");
    });
    assertThat(deployment.getDecisions()).extracting(d -> d.getDmnDecisionId()).contains("customerTier");
    assertThat(deployment.getDecisionRequirements()).singleElement()
        .satisfies(d -> assertThat(d.getDmnDecisionRequirementsId()).isEqualTo("shipping-drg"));

    var created = rest.newCreateInstanceCommand().bpmnProcessId("result").latestVersion()
        .variables(Map.of("x", 1)).send().join();
    assertThat(created.getProcessInstanceKey()).isPositive();
    assertThat(created.getProcessDefinitionKey()).isEqualTo(deployment.getProcesses().get(0).getProcessDefinitionKey());
    h.awaitProcessCompleted(created.getProcessInstanceKey());

    var result = rest.newCreateInstanceCommand().bpmnProcessId("result").latestVersion()
        .variables(Map.of("x", 21, "other", "kept out")).withResult().fetchVariables("doubled").send().join();
    assertThat(result.getVariablesAsMap()).containsExactly(Map.entry("doubled", 42));

    var decision = rest.newEvaluateDecisionCommand().decisionId("customerTier")
        .variables(Map.of("orderTotal", 1500)).send().join();
    assertThat(decision.getDecisionOutput()).isEqualTo("\"gold\"");
    assertThat(decision.getEvaluatedDecisions()).singleElement()
        .satisfies(d -> assertThat(d.getMatchedRules()).singleElement()
            .satisfies(m -> assertThat(m.getRuleId()).isEqualTo("tierGold")));
  }

  @Test
  void shouldAnswerDeadlineExceededWhenAnAwaitedInstanceDoesNotEnd() {
    var model = Bpmn.createExecutableProcess("slow").startEvent().serviceTask("ServiceTask_1", t -> t.zeebeJobType("never"))
        .endEvent().done();
    rest.newDeployResourceCommand().addProcessModel(model, "slow.bpmn").send().join();
    assertThatThrownBy(() -> rest.newCreateInstanceCommand().bpmnProcessId("slow").latestVersion().withResult()
            .requestTimeout(Duration.ofMillis(300)).send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(504))
        .satisfies(e -> assertThat(problem(e).details().getDetail()).contains("300 ms"));
  }

  @Test
  void shouldRunAWorkerOverRestLongPolling() {
    List<Long> handled = new CopyOnWriteArrayList<>();
    rest.newDeployResourceCommand().addProcessModel(serviceTask("worked", "rest-work"), "worked.bpmn").send().join();
    try (JobWorker worker = rest.newWorker().jobType("rest-work").handler((client, job) -> {
          handled.add(job.getProcessInstanceKey());
          client.newCompleteCommand(job).variables(Map.of("done", true)).send().join();
        }).pollInterval(Duration.ofMillis(50)).requestTimeout(Duration.ofSeconds(5)).open()) {
      Awaitility.await().pollDelay(Duration.ofMillis(200)).until(() -> true); // the worker is parked in a long poll
      List<Long> instances = List.of(
          rest.newCreateInstanceCommand().bpmnProcessId("worked").latestVersion().send().join().getProcessInstanceKey(),
          rest.newCreateInstanceCommand().bpmnProcessId("worked").latestVersion().send().join().getProcessInstanceKey(),
          rest.newCreateInstanceCommand().bpmnProcessId("worked").latestVersion().send().join().getProcessInstanceKey());
      instances.forEach(h::awaitProcessCompleted);
      assertThat(handled).containsExactlyInAnyOrderElementsOf(instances);
    }
    assertThat(h.records()).filteredOn(r -> r.value() instanceof VariableRecord v && v.name().equals("done"))
        .hasSize(3);
  }

  @Test
  void shouldLongPollUntilAJobArrivesAndAnswerEmptyOnTimeout() throws Exception {
    rest.newDeployResourceCommand().addProcessModel(serviceTask("poll", "late"), "poll.bpmn").send().join();
    var poll = rest.newActivateJobsCommand().jobType("late").maxJobsToActivate(1).fetchVariables("a")
        .requestTimeout(Duration.ofSeconds(10)).send();
    Thread.sleep(300);
    assertThat(poll.toCompletableFuture()).isNotDone();
    rest.newCreateInstanceCommand().bpmnProcessId("poll").latestVersion().variables(Map.of("a", 1, "b", 2)).send().join();
    List<ActivatedJob> jobs = poll.toCompletableFuture().get(5, TimeUnit.SECONDS).getJobs();
    assertThat(jobs).singleElement().satisfies(j -> {
      assertThat(j.getType()).isEqualTo("late");
      assertThat(j.getBpmnProcessId()).isEqualTo("poll");
      assertThat(j.getElementId()).isEqualTo("ServiceTask_1");
      assertThat(j.getVariablesAsMap()).containsExactly(Map.entry("a", 1));
    });

    long started = System.nanoTime();
    assertThat(rest.newActivateJobsCommand().jobType("nobody").maxJobsToActivate(1)
        .requestTimeout(Duration.ofMillis(500)).send().join().getJobs()).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
  }

  @Test
  void shouldFailUpdateRetriesAndResolveTheIncident() {
    long pik = deployAndStart(serviceTask("flaky", "flaky"), "flaky", Map.of());
    ActivatedJob job = activateOne("flaky");
    rest.newFailCommand(job.getKey()).retries(0).errorMessage("boom").send().join();
    long incidentKey = h.awaitRecord(EngineHarness.event(IncidentIntent.CREATED)).key();
    assertThatThrownBy(() -> rest.newCompleteCommand(job.getKey()).send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(409))
        .satisfies(e -> assertThat(problem(e).details().getTitle()).isEqualTo("INVALID_STATE"));
    rest.newUpdateRetriesCommand(job.getKey()).retries(2).send().join();
    rest.newResolveIncidentCommand(incidentKey).send().join();
    ActivatedJob again = activateOne("flaky");
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(2);
    rest.newUpdateJobCommand(again.getKey()).update(3, Duration.ofMinutes(10).toMillis()).send().join();
    assertThat(h.records()).anyMatch(r -> r.intent() == JobIntent.RETRIES_UPDATED
        && ((JobRecord) r.value()).retries() == 3);
    assertThat(h.records()).anyMatch(r -> r.intent() == JobIntent.TIMEOUT_UPDATED
        && ((JobRecord) r.value()).timeout() == Duration.ofMinutes(10).toMillis());
    assertThatThrownBy(() -> rest.newUpdateJobCommand(again.getKey()).update(0, 1000L).send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(400))
        .satisfies(e -> assertThat(problem(e).details().getDetail()).contains("retries"));
    rest.newCompleteCommand(again.getKey()).send().join();
    h.awaitProcessCompleted(pik);
  }

  @Test
  void shouldActivateAdHocActivitiesOnRequestAndRefuseWhatIsNotInside() {
    rest.newDeployResourceCommand().addResourceString(offersModel("offers", ""), StandardCharsets.UTF_8, "offers.bpmn")
        .send().join();
    long pik = rest.newCreateInstanceCommand().bpmnProcessId("offers").latestVersion().send().join()
        .getProcessInstanceKey();
    long adHoc = h.awaitRecord(r -> r.intent() == ProcessInstanceIntent.ELEMENT_ACTIVATED
        && r.value() instanceof ProcessInstanceRecord v && v.elementId().equals("AdHocSubProcess_Offers")).key();

    assertThatThrownBy(() -> rest.newActivateAdHocSubProcessActivitiesCommand(String.valueOf(adHoc))
            .activateElement("ServiceTask_Nope").send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(400))
        .satisfies(e -> assertThat(problem(e).details().getDetail()).contains("'ServiceTask_Nope'"));
    assertThatThrownBy(() -> rest.newActivateAdHocSubProcessActivitiesCommand(String.valueOf(pik))
            .activateElement("ServiceTask_Debt").send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(404));

    rest.newActivateAdHocSubProcessActivitiesCommand(String.valueOf(adHoc))
        .activateElement("ServiceTask_Debt", Map.of("creditor", "tax office")).send().join();
    ActivatedJob job = activateOne("debt-offer");
    assertThat(job.getVariablesAsMap()).containsEntry("creditor", "tax office");
    rest.newCompleteCommand(job.getKey()).send().join();
    h.awaitProcessCompleted(pik);
  }

  @Test
  void shouldLetTheJobWorkerOfAnAdHocSubProcessActivateElementsAndCompleteIt() {
    String model = offersModel("planned", "<extensionElements><zeebe:taskDefinition type=\"plan-offers\"/></extensionElements>");
    rest.newDeployResourceCommand().addResourceString(model, StandardCharsets.UTF_8, "planned.bpmn").send().join();
    long pik = rest.newCreateInstanceCommand().bpmnProcessId("planned").latestVersion().send().join()
        .getProcessInstanceKey();

    ActivatedJob plan = activateOne("plan-offers");
    assertThatThrownBy(() -> rest.newCompleteCommand(plan.getKey())
            .withResult(r -> r.forAdHocSubProcess().activateElement("ServiceTask_Nope")).send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(400))
        .satisfies(e -> assertThat(problem(e).details().getDetail()).contains("'ServiceTask_Nope' is not one of"));
    rest.newCompleteCommand(plan.getKey()).withResult(r -> r.forAdHocSubProcess()
        .activateElement("ServiceTask_Debt").variables(Map.of("creditor", "tax office"))).send().join();
    ActivatedJob debt = activateOne("debt-offer");
    assertThat(debt.getVariablesAsMap()).containsEntry("creditor", "tax office");
    rest.newCompleteCommand(debt.getKey()).send().join();
    rest.newCompleteCommand(activateOne("plan-offers").getKey())
        .withResult(r -> r.forAdHocSubProcess().completionConditionFulfilled(true)).send().join();
    h.awaitProcessCompleted(pik);
  }

  @Test
  void shouldThrowAnErrorToABoundaryEvent() {
    var model = Bpmn.createExecutableProcess("risky").startEvent()
        .serviceTask("ServiceTask_Risky", t -> t.zeebeJobType("risky"))
        .boundaryEvent("Boundary_Rejected", b -> b.error("REJECTED")).endEvent("EndEvent_Rejected")
        .moveToActivity("ServiceTask_Risky").endEvent("EndEvent_Done").done();
    long pik = deployAndStart(model, "risky", Map.of());
    ActivatedJob job = activateOne("risky");
    rest.newThrowErrorCommand(job.getKey()).errorCode("REJECTED").errorMessage("not eligible")
        .variables(Map.of("reason", "income")).send().join();
    h.awaitProcessCompleted(pik);
    assertThat(h.lifecycle(pik)).contains("EndEvent_Rejected:ELEMENT_COMPLETED").doesNotContain(
        "EndEvent_Done:ELEMENT_COMPLETED");
  }

  @Test
  void shouldPublishAndCorrelateMessages() {
    var model = Bpmn.createExecutableProcess("approval").startEvent()
        .intermediateCatchEvent("Catch_Approved", e -> e.message(m -> m.name("approved").zeebeCorrelationKeyExpression("caseId")))
        .endEvent().done();
    var started = Bpmn.createExecutableProcess("referral").startEvent("StartEvent_Referral")
        .message("referral-received").serviceTask("ServiceTask_Intake", t -> t.zeebeJobType("intake")).endEvent().done();
    rest.newDeployResourceCommand().addProcessModel(model, "approval.bpmn").addProcessModel(started, "referral.bpmn")
        .send().join();
    long first = rest.newCreateInstanceCommand().bpmnProcessId("approval").latestVersion()
        .variables(Map.of("caseId", "c-1")).send().join().getProcessInstanceKey();
    long second = rest.newCreateInstanceCommand().bpmnProcessId("approval").latestVersion()
        .variables(Map.of("caseId", "c-2")).send().join().getProcessInstanceKey();

    var published = rest.newPublishMessageCommand().messageName("approved").correlationKey("c-1")
        .variables(Map.of("by", "anna")).send().join();
    assertThat(published.getMessageKey()).isPositive();
    h.awaitProcessCompleted(first);

    var correlated = rest.newCorrelateMessageCommand().messageName("approved").correlationKey("c-2")
        .variables(Map.of("by", "ben")).send().join();
    assertThat(correlated.getProcessInstanceKey()).isEqualTo(second);
    assertThat(correlated.getMessageKey()).isPositive();
    h.awaitProcessCompleted(second);

    var start = rest.newCorrelateMessageCommand().messageName("referral-received").correlationKey("r-1")
        .variables(Map.of("referralId", "r-1")).send().join();
    assertThat(activateOne("intake").getProcessInstanceKey()).isEqualTo(start.getProcessInstanceKey());

    long before = events();
    assertThatThrownBy(() -> rest.newCorrelateMessageCommand().messageName("approved").correlationKey("c-3")
            .send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(404))
        .satisfies(e -> assertThat(problem(e).details().getDetail()).contains("'approved'").contains("'c-3'"));
    assertThat(events()).isEqualTo(before);
    assertThat(h.records()).noneMatch(r -> r.intent() == MessageIntent.PUBLISHED
        && ((MessageRecord) r.value()).correlationKey().equals("c-3"));

    rest.newPublishMessageCommand().messageName("approved").correlationKey("c-9").messageId("m-1")
        .timeToLive(Duration.ofMinutes(5)).send().join();
    assertThatThrownBy(() -> rest.newPublishMessageCommand().messageName("approved").correlationKey("c-9")
            .messageId("m-1").timeToLive(Duration.ofMinutes(5)).send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(409))
        .satisfies(e -> assertThat(problem(e).details().getTitle()).isEqualTo("ALREADY_EXISTS"));
  }

  @Test
  void shouldSetVariablesAndCancelInstances() {
    long pik = deployAndStart(serviceTask("vars", "vars"), "vars", Map.of("score", 1));
    rest.newSetVariablesCommand(pik).variables(Map.of("score", 7, "rate", 0.125)).send().join();
    ActivatedJob job = activateOne("vars");
    assertThat(job.getVariablesAsMap()).containsEntry("score", 7).containsEntry("rate", 0.125);
    rest.newCancelInstanceCommand(pik).send().join();
    assertThatThrownBy(() -> rest.newCancelInstanceCommand(pik).send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(404));
    assertThatThrownBy(() -> rest.newSetVariablesCommand(pik).variables(Map.of("late", 1)).send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(404));
  }

  @Test
  void shouldAssignUpdateAndCompleteAUserTaskAdvancingTheProcess() {
    var model = Bpmn.createExecutableProcess("review").startEvent()
        .userTask("UserTask_Review", t -> t.zeebeUserTask().zeebeCandidateGroups("caseworkers"))
        .serviceTask("ServiceTask_After", t -> t.zeebeJobType("after-review")).endEvent().done();
    long pik = deployAndStart(model, "review", Map.of("caseId", "c-1"));
    long taskKey = h.awaitRecord(r -> r.intent() == UserTaskIntent.CREATED
        && ((UserTaskRecord) r.value()).processInstanceKey() == pik).key();

    rest.newAssignUserTaskCommand(taskKey).assignee("anna").send().join();
    assertThat(lastTask(taskKey, UserTaskIntent.ASSIGNED).assignee()).isEqualTo("anna");

    long before = events();
    assertThatThrownBy(() -> rest.newAssignUserTaskCommand(taskKey).assignee("ben").allowOverride(false).send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(409))
        .satisfies(e -> assertThat(problem(e).details().getDetail()).contains("already assigned to 'anna'"));
    assertThat(events()).isEqualTo(before);
    rest.newAssignUserTaskCommand(taskKey).assignee("anna").allowOverride(false).send().join(); // her own task
    rest.newAssignUserTaskCommand(taskKey).assignee("ben").send().join();
    assertThat(lastTask(taskKey, UserTaskIntent.ASSIGNED).assignee()).isEqualTo("ben");
    rest.newUnassignUserTaskCommand(taskKey).send().join();
    assertThat(lastTask(taskKey, UserTaskIntent.ASSIGNED).assignee()).isNull();
    assertThat(lastTask(taskKey, UserTaskIntent.ASSIGNED).action()).isEqualTo("unassign");

    rest.newUpdateUserTaskCommand(taskKey).priority(80).dueDate("2027-01-31T12:00:00Z")
        .candidateUsers("carla").send().join();
    UserTaskRecord updated = lastTask(taskKey, UserTaskIntent.UPDATED);
    assertThat(updated.priority()).isEqualTo(80);
    assertThat(updated.dueDate()).isEqualTo("2027-01-31T12:00:00Z");
    assertThat(updated.candidateUsers()).containsExactly("carla");
    assertThat(updated.candidateGroups()).containsExactly("caseworkers");
    assertThat(updated.changedAttributes()).containsExactlyInAnyOrder("priority", "dueDate", "candidateUsers");
    assertThatThrownBy(() -> rest.newUpdateUserTaskCommand(taskKey).priority(200).send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(400))
        .satisfies(e -> assertThat(problem(e).details().getDetail()).contains("priority"));
    assertThatThrownBy(() -> rest.newUpdateUserTaskCommand(taskKey).dueDate("tomorrow").send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(400))
        .satisfies(e -> assertThat(problem(e).details().getDetail()).contains("due date").contains("'tomorrow'"));

    rest.newCompleteUserTaskCommand(taskKey).variables(Map.of("decision", "approve")).send().join();
    assertThat(lastTask(taskKey, UserTaskIntent.COMPLETED).action()).isEqualTo("complete");
    ActivatedJob after = activateOne("after-review");
    assertThat(after.getProcessInstanceKey()).isEqualTo(pik);
    assertThat(after.getVariablesAsMap()).containsEntry("decision", "approve").containsEntry("caseId", "c-1");
    assertThatThrownBy(() -> rest.newCompleteUserTaskCommand(taskKey).send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(409))
        .satisfies(e -> assertThat(problem(e).details().getDetail()).contains(String.valueOf(taskKey))
            .contains("already completed"));
    assertThatThrownBy(() -> rest.newAssignUserTaskCommand(taskKey).assignee("anna").send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(409));
    assertThatThrownBy(() -> rest.newCompleteUserTaskCommand(taskKey + 1_000_000).send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(404));
    rest.newCompleteCommand(after.getKey()).send().join();
    h.awaitProcessCompleted(pik);
  }

  private UserTaskRecord lastTask(long key, UserTaskIntent intent) {
    h.awaitRecord(r -> r.key() == key && r.intent() == intent);
    return h.records().stream().filter(r -> r.key() == key && r.intent() == intent).reduce((a, b) -> b)
        .map(r -> (UserTaskRecord) r.value()).orElseThrow();
  }

  @Test
  void shouldAnswerRejectionsAsProblemsTheClientReads() {
    assertThatThrownBy(() -> rest.newCreateInstanceCommand().bpmnProcessId("nope").latestVersion().send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(404))
        .satisfies(e -> assertThat(problem(e).details().getTitle()).isEqualTo("NOT_FOUND"))
        .satisfies(e -> assertThat(problem(e).details().getDetail()).contains("'nope'"));
    assertThatThrownBy(() -> rest.newCompleteCommand(2251799813685999L).send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(404))
        .satisfies(e -> assertThat(problem(e).details().getDetail()).contains("2251799813685999"));
    assertThatThrownBy(() -> rest.newDeployResourceCommand()
            .addResourceString("<not-xml", StandardCharsets.UTF_8, "garbage.bpmn").send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(400))
        .satisfies(e -> assertThat(problem(e).details().getDetail()).contains("garbage.bpmn"));
    assertThatThrownBy(() -> rest.newModifyProcessInstanceCommand(42).terminateElement(7).send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(501))
        .satisfies(e -> assertThat(problem(e).details().getDetail()).contains("not supported"));
    assertThat(rest.newBroadcastSignalCommand().signalName("nobody-waits").send().join().getKey()).isPositive();
    assertThatThrownBy(() -> rest.newBroadcastSignalCommand().signalName("").send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(400))
        .satisfies(e -> assertThat(problem(e).details().getDetail()).contains("signalName"));
    assertThatThrownBy(() -> rest.newEvaluateDecisionCommand().decisionId("unknown").send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(404));
    assertThatThrownBy(() -> rest.newCreateInstanceCommand().processDefinitionKey(123).send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(404))
        .satisfies(e -> assertThat(problem(e).details().getDetail()).contains("'123'"));

    var deployed = rest.newDeployResourceCommand().addProcessModel(serviceTask("gone", "work"), "gone.bpmn").send().join();
    rest.newDeleteResourceCommand(deployed.getProcesses().get(0).getProcessDefinitionKey()).send().join();
    assertThatThrownBy(() -> rest.newCreateInstanceCommand().bpmnProcessId("gone").latestVersion().send().join())
        .satisfies(e -> assertThat(problem(e).code()).isEqualTo(404));
  }

  @Test
  void shouldRefuseToStartOnATakenRestPortAndRunWithoutRest(@TempDir Path other) {
    int taken = h.engine().restPort();
    EngineConfig config = EngineConfig.defaults(other).withGrpcPort(0).withMonitoringPort(-1).withHost("127.0.0.1").withFsync(false);
    assertThatThrownBy(() -> Engine.start(config.withRestPort(taken)))
        .hasMessageContaining("REST gateway").hasMessageContaining(":" + taken);
    try (Engine off = Engine.start(config.withRestPort(-1))) { // the failed start released the data directory
      assertThat(off.restPort()).isEqualTo(-1);
      assertThat(off.grpcPort()).isPositive();
    }
  }

  // ---- raw HTTP: what any client gets ----

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  private HttpResponse<String> call(String method, String path, String contentType, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.engine().restPort() + path))
        .timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode problem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("type").asText()).isEqualTo("about:blank");
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.path("instance").asText()).isEqualTo(response.request().uri().getPath());
    return problem;
  }

  @Test
  void shouldAnswerMalformedRequestsWithProblemJsonAndWriteNothing() throws Exception {
    long before = events();
    assertThat(problem(call("POST", "/v2/jobs/activation", "application/json", "{\"type\": \"x\", "), 400)
        .path("detail").asText()).contains("not valid JSON");
    assertThat(problem(call("POST", "/v2/jobs/activation", "application/json",
        "{\"type\": \"x\", \"maxJobsToActivate\": \"ten\", \"timeout\": 1000}"), 400).path("detail").asText())
        .contains("'maxJobsToActivate'").contains("integer");
    assertThat(problem(call("POST", "/v2/process-instances", "application/json",
        "{\"processDefinitionId\": \"p\", \"variables\": [1]}"), 400).path("detail").asText()).contains("'variables'");
    assertThat(problem(call("POST", "/v2/process-instances", "application/json",
        "{\"processDefinitionKey\": \"twelve\"}"), 400).path("detail").asText()).contains("'processDefinitionKey'");
    assertThat(problem(call("PATCH", "/v2/user-tasks/abc", "application/json", "{\"changeset\": {\"priority\": 1}}"),
        400).path("detail").asText()).contains("'key'").contains("'abc'");
    assertThat(problem(call("PATCH", "/v2/user-tasks/12", "application/json", "{\"changeset\": {\"priority\": \"high\"}}"),
        400).path("detail").asText()).contains("'changeset.priority'");
    assertThat(problem(call("POST", "/v2/deployments", "application/json", "{}"), 415).path("detail").asText())
        .contains("multipart/form-data");
    assertThat(problem(call("POST", "/v2/user-tasks/12/assignment", "application/json", "{}"), 400)
        .path("detail").asText()).contains("'assignee'");
    assertThat(events()).isEqualTo(before);
  }

  @Test
  void shouldAnswerUnknownPathsMethodsAndUnservedReads() throws Exception {
    assertThat(problem(call("GET", "/v2/no-such-thing", null, null), 404).path("title").asText()).isEqualTo("NOT_FOUND");
    assertThat(problem(call("GET", "/", null, null), 404).path("detail").asText()).contains("/v2");
    HttpResponse<String> wrongMethod = call("DELETE", "/v2/topology", null, null);
    assertThat(problem(wrongMethod, 405).path("detail").asText()).contains("GET");
    assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET");
    assertThat(problem(call("GET", "/v2/jobs/activation", null, null), 405).path("detail").asText()).contains("POST");
    assertThat(problem(call("POST", "/v2/users/search", "application/json", "{}"), 501)
        .path("detail").asText()).contains("not served");
    assertThat(problem(call("GET", "/v2/batch-operations/12", null, null), 501).path("title").asText())
        .isEqualTo("NOT_IMPLEMENTED");

    HttpResponse<String> topology = call("GET", "/v2/topology", null, null);
    assertThat(topology.statusCode()).isEqualTo(200);
    assertThat(topology.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(json.readTree(topology.body()).at("/brokers/0/partitions/0/health").asText()).isEqualTo("healthy");
  }

  @Test
  void shouldDeployAMultipartBodyFromAnyClient() throws Exception {
    String boundary = "caseway-boundary";
    String xml = Bpmn.convertToString(serviceTask("raw", "raw-work"));
    String body = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"resources\"; filename=\"raw process.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + xml + "\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"tenantId\"\r\n\r\n<default>\r\n"
        + "--" + boundary + "--\r\n";
    HttpResponse<String> response = call("POST", "/v2/deployments", "multipart/form-data; boundary=" + boundary, body);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode deployment = json.readTree(response.body());
    assertThat(deployment.path("deploymentKey").isTextual()).isTrue();
    assertThat(deployment.at("/deployments/0/processDefinition/processDefinitionId").asText()).isEqualTo("raw");
    assertThat(deployment.at("/deployments/0/processDefinition/resourceName").asText()).isEqualTo("raw process.bpmn");
    assertThat(problem(call("POST", "/v2/deployments", "multipart/form-data; boundary=" + boundary,
        "--" + boundary + "--\r\n"), 400).path("detail").asText()).contains("'resources'");
  }
}
