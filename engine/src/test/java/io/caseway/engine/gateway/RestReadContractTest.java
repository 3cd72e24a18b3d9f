package io.caseway.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.MessageSubscriptionState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.caseway.engine.testing.EngineHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract of the REST reads that RestSearchTest does not reach: each request is made by the
 * unmodified client, which must parse the answer into the fields asserted here.
 */
class RestReadContractTest {
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
    rest.close();
    h.close();
  }

  @Test
  void shouldAnswerEveryReadInTheShapeTheClientParses() throws Exception {
    String form = "{\"id\": \"minutes\", \"type\": \"default\", \"components\": []}";
    var model = Bpmn.createExecutableProcess("meeting").startEvent("StartEvent_Planned")
        .businessRuleTask("BusinessRuleTask_Ship", t -> t.zeebeCalledDecisionId("discount").zeebeResultVariable("d"))
        .intermediateCatchEvent("MessageEvent_Confirmed", e -> e.message(m -> m.name("confirmed")
            .zeebeCorrelationKeyExpression("citizenId")))
        .userTask("UserTask_Minutes", t -> t.name("Record minutes").zeebeUserTask().zeebeFormId("minutes"))
        .endEvent("EndEvent_Held").done();
    rest.newDeployResourceCommand().addProcessModel(model, "meeting.bpmn")
        .addResourceFromClasspath("dmn/shipping.dmn")
        .addResourceString(form, StandardCharsets.UTF_8, "minutes.form").send().join();
    long pik = rest.newCreateInstanceCommand().bpmnProcessId("meeting").latestVersion()
        .variables(Map.of("citizenId", "C-1", "customerTier", "gold", "orderTotal", 50, "weight", 2))
        .send().join().getProcessInstanceKey();

    var subscriptions = rest.newMessageSubscriptionSearchRequest().send().join().items();
    assertThat(subscriptions).singleElement().satisfies(s -> {
      assertThat(s.getMessageName()).isEqualTo("confirmed");
      assertThat(s.getCorrelationKey()).isEqualTo("C-1");
      assertThat(s.getMessageSubscriptionState()).isEqualTo(MessageSubscriptionState.CREATED);
      assertThat(s.getProcessInstanceKey()).isEqualTo(pik);
    });
    rest.newCorrelateMessageCommand().messageName("confirmed").correlationKey("C-1").send().join();
    assertThat(rest.newCorrelatedMessageSubscriptionSearchRequest().send().join().items()).singleElement()
        .satisfies(c -> {
          assertThat(c.getMessageName()).isEqualTo("confirmed");
          assertThat(c.getElementId()).isEqualTo("MessageEvent_Confirmed");
          assertThat(c.getProcessInstanceKey()).isEqualTo(pik);
        });

    var decisions = rest.newDecisionInstanceSearchRequest().filter(f -> f.processInstanceKey(pik)).send().join();
    assertThat(decisions.items()).isNotEmpty();
    var decision = rest.newDecisionInstanceGetRequest(decisions.items().get(0).getDecisionInstanceId()).send().join();
    assertThat(decision.getProcessInstanceKey()).isEqualTo(pik);
    assertThat(decision.getResult()).isNotBlank();
    long drg = rest.newDecisionDefinitionGetRequest(decision.getDecisionDefinitionKey()).send().join()
        .getDecisionRequirementsKey();
    assertThat(rest.newDecisionRequirementsGetRequest(drg).send().join().getResourceName())
        .isEqualTo("dmn/shipping.dmn");

    var task = rest.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(pik)).send().join().items().get(0);
    assertThat(rest.newUserTaskGetRequest(task.getUserTaskKey()).send().join().getName()).isEqualTo("Record minutes");
    assertThat(rest.newUserTaskGetFormRequest(task.getUserTaskKey()).send().join().getFormId()).isEqualTo("minutes");
    assertThat(rest.newUserTaskVariableSearchRequest(task.getUserTaskKey()).send().join().items())
        .extracting(v -> v.getName()).contains("citizenId", "d");

    var element = rest.newElementInstanceGetRequest(task.getElementInstanceKey()).send().join();
    assertThat(element.getElementId()).isEqualTo("UserTask_Minutes");
    assertThat(element.getElementName()).isEqualTo("Record minutes");
    var variable = rest.newVariableSearchRequest().filter(f -> f.name("citizenId")).send().join().items().get(0);
    assertThat(rest.newVariableGetRequest(variable.getVariableKey()).send().join().getValue()).isEqualTo("\"C-1\"");

    assertThat(rest.newProcessInstanceSequenceFlowsRequest(pik).send().join())
        .extracting(f -> f.getSequenceFlowId()).isNotEmpty();

    // health on the monitoring port
    HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + h.engine().monitoringPort() + "/actuator/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"UP\"");
  }
}
