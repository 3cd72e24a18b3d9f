package io.caseway.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.caseway.engine.testing.EngineHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The searches and reads of the REST API v2 through the unmodified client, before and after a restart. */
class RestSearchTest {
  @TempDir Path dir;
  EngineHarness h;
  CamundaClient rest;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() {
    h = new EngineHarness(dir);
    connect();
  }

  private void connect() {
    rest = h.newRestOnlyClient();
  }

  @AfterEach
  void stop() {
    h.close();
    rest.close();
  }

  private static BpmnModelInstance order() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("order").name("Order").startEvent("start")
        .serviceTask("charge", t -> t.name("Charge card").zeebeJobType("charge"))
        .userTask("approve", u -> u.name("Approve").zeebeUserTask().zeebeAssignee("demo")
            .zeebeCandidateGroups("sales, managers"))
        .endEvent("end").done();
    // the process's version tag, as Camunda Modeler writes it
    var process = (io.camunda.zeebe.model.bpmn.instance.Process) model.getModelElementById("order");
    var extensions = model.newInstance(io.camunda.zeebe.model.bpmn.instance.ExtensionElements.class);
    var tag = model.newInstance(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag.class);
    tag.setValue("2026-12");
    extensions.addChildElement(tag);
    process.setExtensionElements(extensions);
    return model;
  }

  private long startOrder(Map<String, Object> variables) {
    return rest.newCreateInstanceCommand().bpmnProcessId("order").latestVersion().variables(variables).send().join()
        .getProcessInstanceKey();
  }

  @Test
  void shouldSearchInstancesTasksVariablesIncidentsAndDefinitionsAndKeepThemOverARestart() throws Exception {
    var deployed = rest.newDeployResourceCommand().addProcessModel(order(), "order.bpmn").send().join();
    long definitionKey = deployed.getProcesses().get(0).getProcessDefinitionKey();
    long first = startOrder(Map.of("amount", 10));
    long second = startOrder(Map.of("amount", 99));

    var job = rest.newActivateJobsCommand().jobType("charge").maxJobsToActivate(1).send().join().getJobs().get(0);
    rest.newCompleteCommand(job.getKey()).variables(Map.of("charged", true)).send().join();
    var failing = rest.newActivateJobsCommand().jobType("charge").maxJobsToActivate(1).send().join().getJobs().get(0);
    rest.newFailCommand(failing.getKey()).retries(0).errorMessage("card declined").send().join();

    var instances = rest.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId("order")).send().join();
    assertThat(instances.items()).hasSize(2);
    assertThat(instances.page().totalItems()).isEqualTo(2);
    assertThat(instances.items().get(0).getProcessDefinitionKey()).isEqualTo(definitionKey);
    assertThat(instances.items().get(0).getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    long withIncident = failing.getProcessInstanceKey();
    assertThat(rest.newProcessInstanceGetRequest(withIncident).send().join().getHasIncident()).isTrue();

    var tasks = rest.newUserTaskSearchRequest().filter(f -> f.assignee("demo")).send().join();
    assertThat(tasks.items()).hasSize(1);
    var task = tasks.items().get(0);
    assertThat(task.getElementId()).isEqualTo("approve");
    assertThat(task.getName()).isEqualTo("Approve");
    assertThat(task.getCandidateGroups()).containsExactly("sales", "managers");
    assertThat(task.getProcessInstanceKey()).isEqualTo(job.getProcessInstanceKey());
    assertThat(rest.newUserTaskSearchRequest().filter(f -> f.candidateGroup("managers")).send().join().items())
        .hasSize(1);
    assertThat(rest.newUserTaskSearchRequest().filter(f -> f.candidateGroup("nobody")).send().join().items())
        .isEmpty();
    assertThat(rest.newUserTaskSearchRequest().filter(f -> f.state(UserTaskState.CREATED)).send().join().items())
        .hasSize(1);

    var variables = rest.newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(job.getProcessInstanceKey()).name("amount")).send().join();
    assertThat(variables.items()).hasSize(1);
    assertThat(variables.items().get(0).getValue()).isEqualTo("10");
    assertThat(rest.newVariableSearchRequest().filter(f -> f.processInstanceKey(job.getProcessInstanceKey()))
        .send().join().items()).extracting(v -> v.getName()).containsExactlyInAnyOrder("amount", "charged");

    var incidents = rest.newIncidentSearchRequest().filter(f -> f.processInstanceKey(withIncident)).send().join();
    assertThat(incidents.items()).hasSize(1);
    assertThat(incidents.items().get(0).getErrorMessage()).isEqualTo("card declined");
    assertThat(incidents.items().get(0).getElementId()).isEqualTo("charge");
    assertThat(incidents.items().get(0).getJobKey()).isEqualTo(failing.getKey());

    var elements = rest.newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(job.getProcessInstanceKey()).elementId("charge")).send().join();
    assertThat(elements.items()).hasSize(1);
    assertThat(elements.items().get(0).getElementName()).isEqualTo("Charge card");
    assertThat(elements.items().get(0).getEndDate()).isNotNull();

    assertThat(rest.newProcessDefinitionGetXmlRequest(definitionKey).send().join()).contains("approve");
    assertThat(rest.newProcessDefinitionSearchRequest().filter(f -> f.processDefinitionId("order")).send().join()
        .items()).singleElement().satisfies(d -> {
          assertThat(d.getName()).isEqualTo("Order");
          assertThat(d.getVersionTag()).isEqualTo("2026-12");
        });
    assertThat(rest.newProcessDefinitionSearchRequest().filter(f -> f.versionTag("2027-01")).send().join().items())
        .isEmpty();
    // a variable's value among several (JSON text), as the coach's inbox finds its cases' instances
    assertThat(rest.newVariableSearchRequest().filter(f -> f.name("amount").value(v -> v.in(List.of("10", "99", "7"))))
        .send().join().items()).extracting(v -> v.getProcessInstanceKey()).containsExactlyInAnyOrder(first, second);

    // operators and unknown fields, raw
    JsonNode raw = search("/v2/process-instances/search",
        "{\"filter\":{\"processInstanceKey\":{\"$in\":[\"" + first + "\",\"" + second + "\"]}},"
            + "\"sort\":[{\"field\":\"processInstanceKey\",\"order\":\"DESC\"}],\"page\":{\"limit\":1}}", 200);
    assertThat(raw.at("/items/0/processInstanceKey").asText()).isEqualTo(Long.toString(second));
    assertThat(raw.at("/page/totalItems").asInt()).isEqualTo(2);
    JsonNode next = search("/v2/process-instances/search",
        "{\"filter\":{\"processInstanceKey\":{\"$in\":[\"" + first + "\",\"" + second + "\"]}},"
            + "\"sort\":[{\"field\":\"processInstanceKey\",\"order\":\"DESC\"}],\"page\":{\"limit\":1,\"after\":\""
            + raw.at("/page/endCursor").asText() + "\"}}", 200);
    assertThat(next.at("/items/0/processInstanceKey").asText()).isEqualTo(Long.toString(first));
    assertThat(search("/v2/variables/search", "{\"filter\":{\"name\":{\"$like\":\"am*\"}}}", 200)
        .at("/page/totalItems").asInt()).isEqualTo(2);
    assertThat(search("/v2/incidents/search", "{\"filter\":{\"colour\":\"red\"}}", 400).path("detail").asText())
        .contains("colour");

    // a restart: the projections come back
    rest.close();
    h.restart();
    connect();
    assertThat(rest.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId("order")).send().join()
        .items()).hasSize(2);
    assertThat(rest.newUserTaskSearchRequest().filter(f -> f.assignee("demo")).send().join().items()).hasSize(1);
    assertThat(rest.newProcessDefinitionGetXmlRequest(definitionKey).send().join()).contains("approve");
    send("GET", "http://127.0.0.1:" + h.engine().restPort() + "/v2/user-tasks/1", null, 404);

    // completing the task completes the instance
    rest.newCompleteUserTaskCommand(task.getUserTaskKey()).send().join();
    assertThat(rest.newProcessInstanceGetRequest(job.getProcessInstanceKey()).send().join().getState())
        .isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(rest.newUserTaskSearchRequest().filter(f -> f.state(UserTaskState.COMPLETED)).send().join().items())
        .hasSize(1);
  }

  @Test
  void shouldMoveTheClockAndPurgeOnTheMonitoringPort() throws Exception {
    String monitoring = "http://127.0.0.1:" + h.engine().monitoringPort();
    long before = json.readTree(send("GET", monitoring + "/actuator/clock", null, 200)).path("epochMilli").asLong();
    JsonNode moved = json.readTree(send("POST", monitoring + "/actuator/clock/add", "{\"offsetMilli\":3600000}", 200));
    assertThat(moved.path("epochMilli").asLong()).isGreaterThanOrEqualTo(before + 3_600_000);
    send("DELETE", monitoring + "/actuator/clock", null, 200);

    rest.newDeployResourceCommand().addProcessModel(order(), "order.bpmn").send().join();
    startOrder(Map.of());
    long changeId = json.readTree(send("POST", monitoring + "/actuator/cluster/purge", null, 200)).path("changeId")
        .asLong();
    assertThat(changeId).isPositive();
    assertThat(json.readTree(send("GET", "http://127.0.0.1:" + h.engine().restPort() + "/v2/topology", null, 200))
        .path("lastCompletedChangeId").asLong())
        .isGreaterThanOrEqualTo(changeId);
    assertThat(rest.newProcessInstanceSearchRequest().send().join().items()).isEmpty();
    assertThat(rest.newProcessDefinitionSearchRequest().send().join().items()).isEmpty();
    assertThatThrownBy(() -> startOrder(Map.of())).hasMessageContaining("order");

    rest.close();
    h.restart(); // the purge is durable
    connect();
    assertThat(rest.newProcessInstanceSearchRequest().send().join().items()).isEmpty();
    assertThatThrownBy(() -> startOrder(Map.of())).hasMessageContaining("order");
    rest.newDeployResourceCommand().addProcessModel(order(), "order.bpmn").send().join();
    assertThat(rest.newProcessDefinitionSearchRequest().send().join().items()).singleElement()
        .satisfies(d -> assertThat(d.getVersion()).isEqualTo(1));
  }

  @Test
  void shouldServeStatisticsDecisionsFormsJobsAndCallHierarchies() throws Exception {
    String form = "{\"id\": \"referral-form\", \"type\": \"default\", \"components\": []}";
    var child = Bpmn.createExecutableProcess("child").startEvent()
        .serviceTask("work", t -> t.zeebeJobType("work").zeebeTaskHeader("unit", "health")).endEvent().done();
    var parent = Bpmn.createExecutableProcess("parent").name("Parent").startEvent("start")
        .zeebeFormId("referral-form")
        .callActivity("call", c -> c.zeebeProcessId("child")).endEvent("end").done();
    var deployed = rest.newDeployResourceCommand()
        .addProcessModel(child, "child.bpmn").addProcessModel(parent, "parent.bpmn")
        .addResourceFromClasspath("dmn/shipping.dmn")
        .addResourceString(form, java.nio.charset.StandardCharsets.UTF_8, "referral.form").send().join();
    long parentDefinition = deployed.getProcesses().stream().filter(p -> p.getBpmnProcessId().equals("parent"))
        .findFirst().orElseThrow().getProcessDefinitionKey();
    long childDefinition = deployed.getProcesses().stream().filter(p -> p.getBpmnProcessId().equals("child"))
        .findFirst().orElseThrow().getProcessDefinitionKey();

    // start form of the parent process; none for the child
    assertThat(rest.newProcessDefinitionGetRequest(parentDefinition).send().join().getHasStartForm()).isTrue();
    assertThat(rest.newProcessDefinitionGetFormRequest(parentDefinition).send().join().getFormId())
        .isEqualTo("referral-form");
    assertThat(rest.newProcessDefinitionGetRequest(childDefinition).send().join().getHasStartForm()).isFalse();

    long first = rest.newCreateInstanceCommand().bpmnProcessId("parent").latestVersion().send().join()
        .getProcessInstanceKey();
    rest.newCreateInstanceCommand().bpmnProcessId("parent").latestVersion().send().join();
    rest.newCreateInstanceCommand().bpmnProcessId("parent").latestVersion().send().join();

    // jobs: one completed, one failed into an incident, one waiting
    var jobs = rest.newActivateJobsCommand().jobType("work").maxJobsToActivate(2).workerName("w1").send().join()
        .getJobs();
    assertThat(jobs).hasSize(2);
    rest.newCompleteCommand(jobs.get(0).getKey()).send().join();
    rest.newFailCommand(jobs.get(1).getKey()).retries(0).errorMessage("no answer").send().join();
    var failed = rest.newJobSearchRequest().filter(f -> f.jobKey(jobs.get(1).getKey())).send().join().items();
    assertThat(failed).singleElement().satisfies(j -> {
      assertThat(j.getState()).hasToString("FAILED");
      assertThat(j.getErrorMessage()).isEqualTo("no answer");
      assertThat(j.getWorker()).isEqualTo("w1");
    });
    assertThat(search("/v2/jobs/search", "{\"filter\":{\"state\":\"FAILED\"}}", 200)
        .at("/items/0/customHeaders/unit").asText()).isEqualTo("health");
    assertThat(rest.newJobSearchRequest().filter(f -> f.type("work")).send().join().items())
        .extracting(j -> j.getState().toString()).containsExactlyInAnyOrder("COMPLETED", "FAILED", "CREATED");

    // element statistics: per definition (all instances) and per instance
    var childStats = rest.newProcessDefinitionElementStatisticsRequest(childDefinition).send().join();
    assertThat(childStats).filteredOn(s -> s.getElementId().equals("work")).singleElement().satisfies(s -> {
      assertThat(s.getActive()).isEqualTo(1);
      assertThat(s.getIncidents()).isEqualTo(1);
      assertThat(s.getCompleted()).isEqualTo(1);
      assertThat(s.getCanceled()).isZero();
    });
    var parentStats = rest.newProcessInstanceElementStatisticsRequest(first).send().join();
    assertThat(parentStats).extracting(s -> s.getElementId()).contains("start", "call");

    // call hierarchy and incidents of an instance tree
    long childInstance = jobs.get(1).getProcessInstanceKey();
    long parentOfFailing = rest.newProcessInstanceGetRequest(childInstance).send().join().getParentProcessInstanceKey();
    assertThat(rest.newProcessInstanceGetCallHierarchyRequest(childInstance).send().join())
        .extracting(e -> e.getProcessInstanceKey())
        .containsExactly(parentOfFailing, childInstance);
    assertThat(rest.newIncidentsByProcessInstanceSearchRequest(parentOfFailing).send().join().items())
        .singleElement().satisfies(i -> assertThat(i.getErrorMessage()).isEqualTo("no answer"));

    // decision definitions and requirements
    var decisions = rest.newDecisionDefinitionSearchRequest().filter(f -> f.decisionDefinitionId("discount"))
        .send().join().items();
    assertThat(decisions).singleElement().satisfies(d -> assertThat(d.getDmnDecisionName()).isEqualTo("Discount"));
    long decisionKey = decisions.get(0).getDecisionKey();
    assertThat(rest.newDecisionDefinitionGetRequest(decisionKey).send().join().getDmnDecisionId())
        .isEqualTo("discount");
    assertThat(rest.newDecisionDefinitionGetXmlRequest(decisionKey).send().join()).contains("shippingMethod");
    var drgs = rest.newDecisionRequirementsSearchRequest().send().join().items();
    assertThat(drgs).singleElement().satisfies(d -> assertThat(d.getResourceName()).isEqualTo("dmn/shipping.dmn"));
    assertThat(rest.newDecisionRequirementsGetXmlRequest(drgs.get(0).getDecisionRequirementsKey()).send().join())
        .contains("customerTier");

    // unknown keys are 404 problems
    send("GET", "http://127.0.0.1:" + h.engine().restPort() + "/v2/decision-definitions/42", null, 404);
    send("GET", "http://127.0.0.1:" + h.engine().restPort() + "/v2/process-instances/42/statistics/element-instances",
        null, 404);
    assertThat(search("/v2/process-definitions/" + childDefinition + "/statistics/element-instances",
        "{\"filter\":{\"colour\":\"red\"}}", 400).path("detail").asText()).contains("colour");
  }

  @Test
  void shouldDropFinishedHistoryBeyondTheRetentionButKeepRunningInstances(@TempDir Path other) throws Exception {
    h.close();
    h = new EngineHarness(other, c -> c.withSearchRetention(
        new io.caseway.engine.query.Projections.Retention(2, Duration.ofDays(7))));
    connect();
    rest.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("quick").startEvent().endEvent()
        .done(), "quick.bpmn").addProcessModel(order(), "order.bpmn").send().join();
    long running = startOrder(Map.of());
    String monitoring = "http://127.0.0.1:" + h.engine().monitoringPort();
    long old = rest.newCreateInstanceCommand().bpmnProcessId("quick").latestVersion().send().join()
        .getProcessInstanceKey();
    send("POST", monitoring + "/actuator/clock/add", "{\"offsetMilli\":" + Duration.ofDays(8).toMillis() + "}", 200);
    List<Long> recent = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      recent.add(rest.newCreateInstanceCommand().bpmnProcessId("quick").latestVersion().send().join()
          .getProcessInstanceKey());
    }
    assertThat(rest.newProcessInstanceSearchRequest().send().join().items()).hasSize(6);

    rest.close();
    h.restart(); // closing takes a snapshot, which applies the retention
    connect();

    var kept = rest.newProcessInstanceSearchRequest().send().join().items().stream()
        .map(pi -> pi.getProcessInstanceKey()).toList();
    assertThat(kept).containsExactlyInAnyOrder(running, recent.get(2), recent.get(3));
    assertThat(kept).doesNotContain(old);
    assertThat(rest.newElementInstanceSearchRequest().filter(f -> f.processInstanceKey(old)).send().join().items())
        .isEmpty();
    assertThat(rest.newElementInstanceSearchRequest().filter(f -> f.processInstanceKey(running)).send().join()
        .items()).extracting(e -> e.getElementId()).contains("charge");
  }

  private JsonNode search(String path, String body, int status) throws Exception {
    return json.readTree(send("POST", "http://127.0.0.1:" + h.engine().restPort() + path, body, status));
  }

  private String send(String method, String url, String body, int status) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response.body();
  }
}
