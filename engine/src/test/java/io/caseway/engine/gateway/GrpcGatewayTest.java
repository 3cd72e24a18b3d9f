package io.caseway.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.caseway.engine.protocol.RecordType;
import io.caseway.engine.protocol.intent.JobIntent;
import io.caseway.engine.testing.EngineHarness;
import io.grpc.Status;
import io.caseway.engine.protocol.intent.IncidentIntent;
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

/** The gRPC gateway as the Camunda client sees it: answers, errors, long polling and streams. */
class GrpcGatewayTest {
  @TempDir Path dir;
  EngineHarness h;

  @BeforeEach
  void start() {
    h = new EngineHarness(dir);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private static BpmnModelInstance serviceTask(String id, String type) {
    return Bpmn.createExecutableProcess(id).startEvent("StartEvent_1").serviceTask("ServiceTask_1", t -> t.zeebeJobType(type))
        .endEvent("EndEvent_1").done();
  }

  private long deployAndStart(BpmnModelInstance model, String id) {
    h.client().newDeployResourceCommand().addProcessModel(model, id + ".bpmn").send().join();
    return h.client().newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join().getProcessInstanceKey();
  }

  private static Status.Code code(Throwable e) {
    return ((ClientStatusException) e).getStatus().getCode();
  }

  @Test
  void shouldAnswerTopologyAsOneHealthyPartition() {
    var topology = h.client().newTopologyRequest().send().join();
    assertThat(topology.getClusterSize()).isEqualTo(1);
    assertThat(topology.getPartitionsCount()).isEqualTo(1);
    assertThat(topology.getBrokers()).singleElement().satisfies(b -> {
      assertThat(b.getPartitions()).singleElement().satisfies(p -> {
        assertThat(p.getPartitionId()).isEqualTo(1);
        assertThat(p.isLeader()).isTrue();
      });
    });
  }

  @Test
  void shouldRejectInvalidBpmnNamingEachElementAndKeepPreviousState() {
    String broken = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <bpmn:process id="broken" isExecutable="true">
            <bpmn:startEvent id="StartEvent_1"/>
            <bpmn:serviceTask id="ServiceTask_NoType"/>
            <bpmn:inclusiveGateway id="Gateway_Inclusive"/>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="ServiceTask_NoType"/>
          </bpmn:process>
        </bpmn:definitions>""";
    deployAndStart(serviceTask("kept", "work"), "kept");
    assertThatThrownBy(() -> h.client().newDeployResourceCommand()
            .addResourceString(broken, StandardCharsets.UTF_8, "broken.bpmn").send().join())
        .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT))
        .hasMessageContaining("ServiceTask_NoType")
        .hasMessageContaining("broken.bpmn");
    assertThatThrownBy(() -> h.client().newDeployResourceCommand()
            .addResourceString("<not-xml", StandardCharsets.UTF_8, "garbage.bpmn").send().join())
        .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT))
        .hasMessageContaining("garbage.bpmn");
    // the engine keeps serving, and what was deployed before is untouched
    assertThat(h.client().newCreateInstanceCommand().bpmnProcessId("kept").latestVersion().send().join()
        .getVersion()).isEqualTo(1);
    assertThatThrownBy(() -> h.client().newCreateInstanceCommand().bpmnProcessId("broken").latestVersion().send().join())
        .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void shouldRejectUnsupportedElementsAtDeploymentNamingThem() {
    var dangling = Bpmn.createExecutableProcess("dangling").startEvent()
        .intermediateThrowEvent("IntermediateThrowEvent_Nowhere").link("nowhere").done();
    assertThatThrownBy(() -> h.client().newDeployResourceCommand().addProcessModel(dangling, "dangling.bpmn").send()
            .join())
        .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT))
        .hasMessageContaining("dangling.bpmn")
        .hasMessageContaining("'nowhere'");
    String taskListener = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
          <process id="listened" isExecutable="true">
            <startEvent id="StartEvent_1"/>
            <sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="UserTask_Listened"/>
            <userTask id="UserTask_Listened">
              <extensionElements>
                <zeebe:taskListeners><zeebe:taskListener eventType="completing" type="audit"/></zeebe:taskListeners>
              </extensionElements>
            </userTask>
          </process>
        </definitions>""";
    assertThatThrownBy(() -> h.client().newDeployResourceCommand()
            .addResourceString(taskListener, StandardCharsets.UTF_8, "listened.bpmn").send().join())
        .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT))
        .hasMessageContaining("listened.bpmn")
        .hasMessageContaining("Task listeners are only allowed on Camunda user tasks");
    String compensationStart = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <process id="undone" isExecutable="true">
            <startEvent id="StartEvent_1"/>
            <sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="EndEvent_1"/>
            <endEvent id="EndEvent_1"/>
            <subProcess id="EventSubProcess_Undo" triggeredByEvent="true">
              <startEvent id="StartEvent_Undo"><compensateEventDefinition/></startEvent>
              <sequenceFlow id="Flow_2" sourceRef="StartEvent_Undo" targetRef="EndEvent_Undone"/>
              <endEvent id="EndEvent_Undone"/>
            </subProcess>
          </process>
        </definitions>""";
    assertThatThrownBy(() -> h.client().newDeployResourceCommand()
            .addResourceString(compensationStart, StandardCharsets.UTF_8, "undone.bpmn").send().join())
        .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT))
        .hasMessageContaining("undone.bpmn")
        .hasMessageContaining("must be one of: message, timer, error, signal or escalation");
  }

  @Test
  void shouldKeepVersionWhenTheSameResourceIsDeployedTwice() {
    var model = serviceTask("same", "work");
    var first = h.client().newDeployResourceCommand().addProcessModel(model, "same.bpmn").send().join();
    var second = h.client().newDeployResourceCommand().addProcessModel(model, "same.bpmn").send().join();
    var changed = h.client().newDeployResourceCommand().addProcessModel(serviceTask("same", "other"), "same.bpmn")
        .send().join();
    assertThat(second.getProcesses().get(0).getVersion()).isEqualTo(1);
    assertThat(second.getProcesses().get(0).getProcessDefinitionKey())
        .isEqualTo(first.getProcesses().get(0).getProcessDefinitionKey());
    assertThat(changed.getProcesses().get(0).getVersion()).isEqualTo(2);
  }

  @Test
  void shouldRejectUnknownProcessAndBadVariables() {
    assertThatThrownBy(() -> h.client().newCreateInstanceCommand().bpmnProcessId("nope").latestVersion().send().join())
        .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.NOT_FOUND))
        .hasMessageContaining("'nope'");
    assertThatThrownBy(() -> h.client().newCreateInstanceCommand().processDefinitionKey(123).send().join())
        .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.NOT_FOUND));
    h.client().newDeployResourceCommand().addProcessModel(serviceTask("vars", "work"), "vars.bpmn").send().join();
    assertThatThrownBy(() -> h.client().newCreateInstanceCommand().bpmnProcessId("vars").latestVersion()
            .variables("[1, 2]").send().join())
        .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT))
        .hasMessageContaining("JSON object");
  }

  @Test
  void shouldRejectCommandsOnUnknownOrFailedJobs() {
    deployAndStart(serviceTask("jobs", "work"), "jobs");
    assertThatThrownBy(() -> h.client().newCompleteCommand(2251799813685999L).send().join())
        .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.NOT_FOUND))
        .hasMessageContaining("2251799813685999");
    ActivatedJob job = activateOne("work");
    h.client().newFailCommand(job.getKey()).retries(0).errorMessage("boom").send().join();
    assertThatThrownBy(() -> h.client().newCompleteCommand(job.getKey()).send().join())
        .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.FAILED_PRECONDITION))
        .hasMessageContaining("no retries left");
    assertThatThrownBy(() -> h.client().newUpdateRetriesCommand(job.getKey()).retries(0).send().join())
        .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT));
  }

  @Test
  void shouldAnswerUnimplementedCallsWithASentence() {
    assertThatThrownBy(() -> h.client().newModifyProcessInstanceCommand(42).terminateElement(7).send().join())
        .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.UNIMPLEMENTED))
        .hasMessageContaining("not supported");
  }

  private ActivatedJob activateOne(String type) {
    return Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> h.client().newActivateJobsCommand()
        .jobType(type).maxJobsToActivate(1).send().join().getJobs(), jobs -> !jobs.isEmpty()).get(0);
  }

  @Test
  void shouldLongPollUntilAJobArrives() throws Exception {
    h.client().newDeployResourceCommand().addProcessModel(serviceTask("poll", "late"), "poll.bpmn").send().join();
    var poll = h.client().newActivateJobsCommand().jobType("late").maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(10)).send();
    Thread.sleep(300);
    assertThat(poll.toCompletableFuture()).isNotDone();
    h.client().newCreateInstanceCommand().bpmnProcessId("poll").latestVersion().send().join();
    assertThat(poll.toCompletableFuture().get(5, TimeUnit.SECONDS).getJobs()).hasSize(1);
  }

  @Test
  void shouldAnswerEmptyWhenTheLongPollTimesOut() {
    long started = System.nanoTime();
    var jobs = h.client().newActivateJobsCommand().jobType("nobody").maxJobsToActivate(1)
        .requestTimeout(Duration.ofMillis(500)).send().join().getJobs();
    assertThat(jobs).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
  }

  @Test
  void shouldPushJobsToAStreamingWorker() {
    List<Long> received = new CopyOnWriteArrayList<>();
    try (JobWorker worker = h.client().newWorker().jobType("streamed").handler((client, job) -> {
          received.add(job.getProcessInstanceKey());
          client.newCompleteCommand(job.getKey()).send().join();
        }).streamEnabled(true).pollInterval(Duration.ofHours(1)).requestTimeout(Duration.ofMillis(200)).open()) {
      Awaitility.await().pollDelay(Duration.ofMillis(300)).until(() -> true);
      long pik = deployAndStart(serviceTask("stream", "streamed"), "stream");
      h.awaitProcessCompleted(pik);
      assertThat(received).contains(pik);
    }
  }

  @Test
  void shouldReturnResultVariablesWhenTheInstanceEnds() {
    var model = Bpmn.createExecutableProcess("result").startEvent()
        .scriptTask("ScriptTask_Double", s -> s.zeebeExpression("x * 2").zeebeResultVariable("doubled")).endEvent().done();
    h.client().newDeployResourceCommand().addProcessModel(model, "result.bpmn").send().join();
    var result = h.client().newCreateInstanceCommand().bpmnProcessId("result").latestVersion()
        .variables(Map.of("x", 21, "other", "kept out")).withResult().fetchVariables("doubled").send().join();
    assertThat(result.getVariablesAsMap()).containsExactly(Map.entry("doubled", 42));
  }

  @Test
  void shouldSetVariablesLocallyOrPropagated() {
    var model = Bpmn.createExecutableProcess("setvars").startEvent()
        .subProcess("SubProcess_1", s -> s.embeddedSubProcess().startEvent().serviceTask("ServiceTask_1", t -> t.zeebeJobType("sv")).endEvent())
        .endEvent().done();
    long pik = deployAndStart(model, "setvars");
    ActivatedJob job = activateOne("sv");
    long subProcessKey = h.records().stream()
        .filter(r -> r.value() instanceof io.caseway.engine.protocol.value.ProcessInstanceRecord pi
            && pi.elementId().equals("SubProcess_1"))
        .findFirst().orElseThrow().key();
    h.client().newSetVariablesCommand(subProcessKey).variables(Map.of("local", 1)).local(true).send().join();
    h.client().newSetVariablesCommand(subProcessKey).variables(Map.of("global", 2)).send().join();
    h.client().newCompleteCommand(job.getKey()).send().join();
    h.awaitProcessCompleted(pik);
    var rootVariables = h.records().stream()
        .filter(r -> r.value() instanceof io.caseway.engine.protocol.value.VariableRecord v && v.scopeKey() == pik)
        .map(r -> ((io.caseway.engine.protocol.value.VariableRecord) r.value()).name()).toList();
    assertThat(rootVariables).contains("global").doesNotContain("local");
    assertThatThrownBy(() -> h.client().newSetVariablesCommand(subProcessKey).variables(Map.of("late", 1)).send().join())
        .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void shouldOfferATimedOutJobToAnotherWorker() {
    deployAndStart(serviceTask("timeout", "slow"), "timeout");
    ActivatedJob first = h.client().newActivateJobsCommand().jobType("slow").maxJobsToActivate(1)
        .timeout(Duration.ofMinutes(5)).send().join().getJobs().get(0);
    assertThat(h.client().newActivateJobsCommand().jobType("slow").maxJobsToActivate(1)
        .requestTimeout(Duration.ofMillis(100)).send().join().getJobs()).isEmpty();
    h.engine().addClockOffset(Duration.ofMinutes(6)).join();
    ActivatedJob again = activateOne("slow");
    assertThat(again.getKey()).isEqualTo(first.getKey());
    assertThat(h.records()).anyMatch(r -> r.recordType() == RecordType.EVENT && r.intent() == JobIntent.TIMED_OUT);
  }

  @Test
  void shouldMakeJobsWhoseDeadlinePassedActivatableAfterRestart() {
    deployAndStart(serviceTask("restart-timeout", "slow"), "restart-timeout");
    ActivatedJob first = h.client().newActivateJobsCommand().jobType("slow").maxJobsToActivate(1)
        .timeout(Duration.ofMinutes(5)).send().join().getJobs().get(0);
    h.engine().addClockOffset(Duration.ofMinutes(1)).join();
    h.restart();
    h.engine().addClockOffset(Duration.ofMinutes(5)).join();
    assertThat(activateOne("slow").getKey()).isEqualTo(first.getKey());
  }

  @Test
  void shouldHonourRetryBackoff() {
    deployAndStart(serviceTask("backoff", "flaky"), "backoff");
    ActivatedJob job = activateOne("flaky");
    h.client().newFailCommand(job.getKey()).retries(2).retryBackoff(Duration.ofMinutes(10)).send().join();
    assertThat(h.client().newActivateJobsCommand().jobType("flaky").maxJobsToActivate(1)
        .requestTimeout(Duration.ofMillis(100)).send().join().getJobs()).isEmpty();
    h.engine().addClockOffset(Duration.ofMinutes(11)).join();
    ActivatedJob retried = activateOne("flaky");
    assertThat(retried.getRetries()).isEqualTo(2);
  }

  private static String versioned(String tag, String jobType) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
          <process id="assessment" isExecutable="true">
            <extensionElements><zeebe:versionTag value="%s"/></extensionElements>
            <startEvent id="StartEvent_1"/>
            <sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="ServiceTask_Assess"/>
            <serviceTask id="ServiceTask_Assess">
              <extensionElements><zeebe:taskDefinition type="%s"/></extensionElements>
            </serviceTask>
          </process>
        </definitions>""".formatted(tag, jobType);
  }

  private static String caller(String id, String tag) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
          <process id="%s" isExecutable="true">
            <startEvent id="StartEvent_1"/>
            <sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="CallActivity_Assess"/>
            <callActivity id="CallActivity_Assess">
              <extensionElements>
                <zeebe:calledElement processId="assessment" bindingType="versionTag" versionTag="%s"/>
              </extensionElements>
            </callActivity>
          </process>
        </definitions>""".formatted(id, tag);
  }

  @Test
  void shouldCallTheProcessVersionWithTheBoundVersionTag() {
    h.client().newDeployResourceCommand().addResourceString(versioned("DK-2026", "assess-2026"), StandardCharsets.UTF_8,
        "assessment.bpmn").send().join();
    h.client().newDeployResourceCommand().addResourceString(versioned("DK-2027", "assess-2027"), StandardCharsets.UTF_8,
        "assessment.bpmn").send().join();
    h.client().newDeployResourceCommand()
        .addResourceString(caller("old-rules", "DK-2026"), StandardCharsets.UTF_8, "old-rules.bpmn")
        .addResourceString(caller("no-rules", "DK-2030"), StandardCharsets.UTF_8, "no-rules.bpmn").send().join();

    h.client().newCreateInstanceCommand().bpmnProcessId("old-rules").latestVersion().send().join();
    assertThat(activateOne("assess-2026").getBpmnProcessId()).isEqualTo("assessment");
    long orphan = h.client().newCreateInstanceCommand().bpmnProcessId("no-rules").latestVersion().send().join()
        .getProcessInstanceKey();
    var incident = (io.caseway.engine.protocol.value.IncidentRecord) h.awaitRecord(r -> r.intent() == IncidentIntent.CREATED
        && ((io.caseway.engine.protocol.value.IncidentRecord) r.value()).processInstanceKey() == orphan).value();
    assertThat(incident.errorMessage()).contains("version tag 'DK-2030'");
  }

  @Test
  void shouldStartOneInstancePerCorrelationKeyAtATimeAndTheNextWhenItEnds() {
    var intake = Bpmn.createExecutableProcess("intake").startEvent("StartEvent_Referred").message("referred")
        .serviceTask("ServiceTask_Contact", t -> t.zeebeJobType("contact")).endEvent().done();
    h.client().newDeployResourceCommand().addProcessModel(intake, "intake.bpmn").send().join();
    Runnable noMoreJobs = () -> assertThat(h.client().newActivateJobsCommand().jobType("contact").maxJobsToActivate(5)
        .requestTimeout(Duration.ofMillis(200)).send().join().getJobs()).isEmpty();

    h.client().newPublishMessageCommand().messageName("referred").correlationKey("R-1").messageId("first")
        .timeToLive(Duration.ofHours(1)).variables(Map.of("attempt", 1)).send().join();
    ActivatedJob first = activateOne("contact");
    h.client().newPublishMessageCommand().messageName("referred").correlationKey("R-1").messageId("second")
        .timeToLive(Duration.ofHours(1)).variables(Map.of("attempt", 2)).send().join();
    noMoreJobs.run(); // R-1 runs already: the second message waits in the buffer
    h.client().newPublishMessageCommand().messageName("referred").correlationKey("R-2")
        .variables(Map.of("attempt", 3)).send().join();
    assertThat(activateOne("contact").getVariablesAsMap()).containsEntry("attempt", 3);

    h.restart(); // the rule survives a restart
    h.client().newCompleteCommand(first.getKey()).send().join();
    assertThat(activateOne("contact").getVariablesAsMap()).as("the buffered message starts the next instance")
        .containsEntry("attempt", 2);
    noMoreJobs.run();
  }

  @Test
  void shouldStartProcessesBySignalAndReplaceTheStartOfAnOlderVersion() {
    var v1 = Bpmn.createExecutableProcess("rules-changed").startEvent("StartEvent_RulesChanged").signal("rules-2027")
        .serviceTask("ServiceTask_Review", t -> t.zeebeJobType("review-v1")).endEvent().done();
    h.client().newDeployResourceCommand().addProcessModel(v1, "rules-changed.bpmn").send().join();
    var v2 = Bpmn.createExecutableProcess("rules-changed").startEvent("StartEvent_RulesChanged").signal("rules-2027")
        .serviceTask("ServiceTask_Review", t -> t.zeebeJobType("review-v2")).endEvent().done();
    h.client().newDeployResourceCommand().addProcessModel(v2, "rules-changed.bpmn").send().join();

    var broadcast = h.client().newBroadcastSignalCommand().signalName("rules-2027")
        .variables(Map.of("ruleSet", "DK-2027")).send().join();

    assertThat(broadcast.getKey()).isPositive();
    assertThat(activateOne("review-v2").getVariablesAsMap()).containsEntry("ruleSet", "DK-2027");
    assertThat(h.client().newActivateJobsCommand().jobType("review-v1").maxJobsToActivate(5)
        .requestTimeout(Duration.ofMillis(200)).send().join().getJobs()).as("the old version's start is gone").isEmpty();
    assertThatThrownBy(() -> h.client().newBroadcastSignalCommand().signalName(" ").send().join())
        .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT))
        .hasMessageContaining("signal name");
  }

  @Test
  void shouldStartProcessesByTimerAndByMessage() {
    var timerStart = Bpmn.createExecutableProcess("nightly").startEvent("StartEvent_Nightly").timerWithCycle("R2/PT1H")
        .serviceTask("ServiceTask_1", t -> t.zeebeJobType("nightly-work")).endEvent().done();
    var messageStart = Bpmn.createExecutableProcess("referral").startEvent("StartEvent_Referral")
        .message("referral-received").serviceTask("ServiceTask_2", t -> t.zeebeJobType("intake")).endEvent().done();
    h.client().newDeployResourceCommand().addProcessModel(timerStart, "nightly.bpmn")
        .addProcessModel(messageStart, "referral.bpmn").send().join();
    h.client().newPublishMessageCommand().messageName("referral-received").correlationKey("r-9")
        .variables(Map.of("referralId", "r-9")).send().join();
    assertThat(activateOne("intake").getVariablesAsMap()).containsEntry("referralId", "r-9");
    h.engine().addClockOffset(Duration.ofMinutes(61)).join();
    h.client().newCompleteCommand(activateOne("nightly-work").getKey()).send().join();
    h.engine().addClockOffset(Duration.ofMinutes(61)).join();
    h.client().newCompleteCommand(activateOne("nightly-work").getKey()).send().join();
    h.engine().addClockOffset(Duration.ofMinutes(61)).join();
    assertThat(h.client().newActivateJobsCommand().jobType("nightly-work").maxJobsToActivate(5)
        .requestTimeout(Duration.ofMillis(200)).send().join().getJobs()).isEmpty();
  }

  @Test
  void shouldCallTheVersionDeployedTogetherWhenBindingIsDeployment() {
    var parent = Bpmn.createExecutableProcess("caller").startEvent().callActivity("CallActivity_1",
        c -> c.zeebeProcessId("callee").zeebeBindingType(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType.deployment))
        .endEvent().done();
    h.client().newDeployResourceCommand().addProcessModel(parent, "caller.bpmn")
        .addProcessModel(serviceTask("callee", "v1-work"), "callee.bpmn").send().join();
    h.client().newDeployResourceCommand().addProcessModel(serviceTask("callee", "v2-work"), "callee.bpmn").send().join();
    h.client().newCreateInstanceCommand().bpmnProcessId("caller").latestVersion().send().join();
    ActivatedJob job = activateOne("v1-work");
    assertThat(job.getProcessDefinitionVersion()).isEqualTo(1);
  }

  @Test
  void shouldMoveAnActivatedJobsDeadline() {
    deployAndStart(serviceTask("extend", "long"), "extend");
    ActivatedJob job = h.client().newActivateJobsCommand().jobType("long").maxJobsToActivate(1)
        .timeout(Duration.ofMinutes(1)).send().join().getJobs().get(0);
    h.client().newUpdateTimeoutCommand(job.getKey()).timeout(Duration.ofMinutes(30)).send().join();
    h.engine().addClockOffset(Duration.ofMinutes(5)).join();
    assertThat(h.client().newActivateJobsCommand().jobType("long").maxJobsToActivate(1)
        .requestTimeout(Duration.ofMillis(200)).send().join().getJobs()).isEmpty();
    h.client().newCompleteCommand(job.getKey()).send().join();
  }

  @Test
  void shouldDeployFormsAndLinkThemToUserTasks() {
    String form = """
        {"id": "roundtable-minutes", "type": "default", "components": [
          {"key": "recommendation", "label": "Recommendation", "type": "textfield"}]}""";
    var deployed = h.client().newDeployResourceCommand()
        .addResourceString(form, StandardCharsets.UTF_8, "roundtable-minutes.form").send().join();
    assertThat(deployed.getForm()).singleElement().satisfies(f -> {
      assertThat(f.getFormId()).isEqualTo("roundtable-minutes");
      assertThat(f.getVersion()).isEqualTo(1);
    });
    long formKey = deployed.getForm().get(0).getFormKey();
    assertThat(h.client().newDeployResourceCommand().addResourceString(form, StandardCharsets.UTF_8,
        "roundtable-minutes.form").send().join().getForm().get(0).getFormKey()).isEqualTo(formKey);
    assertThatThrownBy(() -> h.client().newDeployResourceCommand()
            .addResourceString("{\"components\": []}", StandardCharsets.UTF_8, "no-id.form").send().join())
        .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT))
        .hasMessageContaining("no-id.form");
    var model = Bpmn.createExecutableProcess("minutes").startEvent()
        .userTask("UserTask_Minutes", t -> t.zeebeUserTask().zeebeFormId("roundtable-minutes")).endEvent().done();
    deployAndStart(model, "minutes");
    var created = h.awaitRecord(r -> r.recordType() == RecordType.EVENT
        && r.intent() == io.caseway.engine.protocol.intent.UserTaskIntent.CREATED);
    assertThat(((io.caseway.engine.protocol.value.UserTaskRecord) created.value()).formKey()).isEqualTo(formKey);
  }

  @Test
  void shouldRaiseAnIncidentWhenALinkedFormIsMissing() {
    var model = Bpmn.createExecutableProcess("no-form").startEvent()
        .userTask("UserTask_NoForm", t -> t.zeebeUserTask().zeebeFormId("not-deployed")).endEvent().done();
    deployAndStart(model, "no-form");
    var incident = h.awaitRecord(r -> r.recordType() == RecordType.EVENT
        && r.intent() == io.caseway.engine.protocol.intent.IncidentIntent.CREATED);
    assertThat(((io.caseway.engine.protocol.value.IncidentRecord) incident.value()).errorMessage())
        .contains("not-deployed");
  }

  @Test
  void shouldEvaluateDecisionsAndRejectUnknownOnes() {
    assertThatThrownBy(() -> h.client().newEvaluateDecisionCommand().decisionId("unknown").send().join())
        .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void shouldDeleteAProcessDefinitionOnlyWithoutRunningInstances() {
    long pik = deployAndStart(serviceTask("deletable", "work"), "deletable");
    long definitionKey = h.client().newCreateInstanceCommand().bpmnProcessId("deletable").latestVersion().send().join()
        .getProcessDefinitionKey();
    assertThatThrownBy(() -> h.client().newDeleteResourceCommand(definitionKey).send().join())
        .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.FAILED_PRECONDITION))
        .hasMessageContaining("running instance");
    h.client().newCancelInstanceCommand(pik).send().join();
    h.client().newCancelInstanceCommand(h.records().stream()
        .filter(r -> r.value() instanceof io.caseway.engine.protocol.value.ProcessInstanceCreationRecord)
        .map(r -> r.key()).reduce((a, b) -> b).orElseThrow()).send().join();
    h.client().newDeleteResourceCommand(definitionKey).send().join();
    assertThatThrownBy(() -> h.client().newCreateInstanceCommand().bpmnProcessId("deletable").latestVersion().send().join())
        .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void shouldNotLoseAcceptedWorkWhenTheJournalTailIsTorn() throws Exception {
    long pik = deployAndStart(serviceTask("torn", "work"), "torn");
    ActivatedJob job = activateOne("work");
    h.client().newCompleteCommand(job.getKey()).send().join();
    h.awaitProcessCompleted(pik);
    h.close();
    Path segment;
    try (var files = java.nio.file.Files.list(dir.resolve("journal"))) {
      segment = files.filter(p -> p.toString().endsWith(".log")).sorted().reduce((a, b) -> b).orElseThrow();
    }
    long size = java.nio.file.Files.size(segment);
    try (var out = java.nio.file.Files.newOutputStream(segment, java.nio.file.StandardOpenOption.APPEND)) {
      out.write(new byte[] {0, 0, 1, 0, 7, 7}); // a write cut off by a crash
    }
    h = new EngineHarness(dir);
    assertThat(java.nio.file.Files.size(segment)).isEqualTo(size);
    assertThat(h.engine().query(s -> s.elementInstances().get(pik)).join()).isNull();
    deployAndStart(serviceTask("after", "work"), "after");
    assertThat(activateOne("work").getBpmnProcessId()).isEqualTo("after");
  }
}
