package io.caseway.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.caseway.engine.model.BpmnElementType;
import io.caseway.engine.protocol.Record;
import io.caseway.engine.protocol.RecordType;
import io.caseway.engine.protocol.intent.IncidentIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.IncidentRecord;
import io.caseway.engine.protocol.value.ProcessInstanceRecord;
import io.caseway.engine.protocol.value.VariableRecord;
import io.caseway.engine.testing.EngineHarness;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every conformance case under {@code src/test/resources/conformance/<area>/NNNN-name/}: a
 * BPMN (and DMN) model and a {@code case.json} with steps (driven through the unmodified Camunda
 * client over gRPC) and expectations: the exact element lifecycle of the record stream, the
 * process variables at the end, incidents, and rejections with their gRPC status.
 *
 * <p>{@code "restartBetweenSteps": true} runs the same case again with the engine stopped and
 * recovered from its journal before every step: the outcome must be the same.
 */
class ConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> conformanceCases() throws IOException, URISyntaxException {
    Path root = Path.of(ConformanceTest.class.getResource("/conformance").toURI());
    List<Path> cases;
    try (Stream<Path> files = Files.walk(root)) {
      cases = files.filter(p -> p.getFileName().toString().equals("case.json")).map(Path::getParent).sorted().toList();
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path dir : cases) {
      String name = root.relativize(dir).toString();
      JsonNode spec = JSON.readTree(dir.resolve("case.json").toFile());
      tests.add(DynamicTest.dynamicTest(name, () -> run(dir, spec, false)));
      if (spec.path("restartBetweenSteps").asBoolean(false)) {
        tests.add(DynamicTest.dynamicTest(name + " (stop and recover before every step)", () -> run(dir, spec, true)));
      }
    }
    return tests.stream();
  }

  private void run(Path dir, JsonNode spec, boolean restartBetweenSteps) throws IOException {
    Path data = Files.createTempDirectory(tmp, "case");
    try (EngineHarness h = new EngineHarness(data)) {
      Run run = new Run(h, dir);
      for (JsonNode step : spec.get("steps")) {
        if (restartBetweenSteps && run.processInstanceKey > 0) {
          h.restart();
        }
        run.step(step);
      }
      JsonNode expect = spec.get("expect");
      run.awaitEnd(expect.path("end").asText("COMPLETED"));
      if (expect.has("lifecycle")) {
        List<String> expected = new ArrayList<>();
        expect.get("lifecycle").forEach(n -> expected.add(n.asText()));
        assertThat(run.lifecycle()).as("element lifecycle of %s", dir.getFileName()).containsExactlyElementsOf(expected);
      }
      if (expect.has("records")) {
        for (JsonNode expected : expect.get("records")) {
          assertThat(run.h.records()).as("a %s %s record like %s", expected.get("valueType").asText(),
                  expected.get("intent").asText(), expected.get("value"))
              .anySatisfy(r -> {
                assertThat(r.recordType()).isEqualTo(RecordType.EVENT);
                assertThat(r.valueType().name()).isEqualTo(expected.get("valueType").asText());
                assertThat(r.intent().name()).isEqualTo(expected.get("intent").asText());
                JsonNode actual = JSON.valueToTree(r.value());
                expected.get("value").fields().forEachRemaining(f ->
                    assertThat(actual.get(f.getKey())).as(f.getKey()).isEqualTo(f.getValue()));
              });
        }
      }
      if (expect.has("recordCounts")) {
        for (JsonNode expected : expect.get("recordCounts")) {
          long count = run.h.records().stream().filter(r -> r.recordType() == RecordType.EVENT
              && r.valueType().name().equals(expected.get("valueType").asText())
              && r.intent().name().equals(expected.get("intent").asText())).count();
          assertThat(count).as("number of %s %s records", expected.get("valueType").asText(),
              expected.get("intent").asText()).isEqualTo(expected.get("count").asLong());
        }
      }
      if (expect.has("variables")) {
        Map<String, Object> expected = JSON.convertValue(expect.get("variables"), Map.class);
        assertThat(run.rootVariables()).as("process variables").containsAllEntriesOf(expected);
      }
      if (expect.has("absentVariables")) {
        List<String> absent = JSON.convertValue(expect.get("absentVariables"), List.class);
        assertThat(run.rootVariables()).as("process variables").doesNotContainKeys(absent.toArray(String[]::new));
      }
    }
  }

  private static final class Run {
    final EngineHarness h;
    final Path dir;
    long processInstanceKey = -1;

    Run(EngineHarness h, Path dir) {
      this.h = h;
      this.dir = dir;
    }

    CamundaClient client() {
      return h.client();
    }

    void step(JsonNode step) throws IOException {
      String op = step.fieldNames().next();
      JsonNode arg = step.get(op);
      if (step.has("expectRejection")) {
        JsonNode rejection = step.get("expectRejection");
        assertThatThrownBy(() -> execute(op, arg))
            .isInstanceOf(ClientStatusException.class)
            .satisfies(e -> assertThat(((ClientStatusException) e).getStatus().getCode().name())
                .isEqualTo(rejection.get("status").asText()))
            .hasMessageContaining(rejection.get("messageContains").asText());
        return;
      }
      execute(op, arg);
    }

    void execute(String op, JsonNode arg) throws IOException {
      switch (op) {
        case "deploy" -> {
          var command = client().newDeployResourceCommand().addResourceBytes(
              Files.readAllBytes(dir.resolve(arg.get(0).asText())), arg.get(0).asText());
          for (int i = 1; i < arg.size(); i++) {
            command = command.addResourceBytes(Files.readAllBytes(dir.resolve(arg.get(i).asText())), arg.get(i).asText());
          }
          command.send().join();
        }
        case "create" -> {
          var create = client().newCreateInstanceCommand().bpmnProcessId(arg.get("bpmnProcessId").asText())
              .latestVersion().variables(vars(arg));
          if (arg.has("startBeforeElement")) {
            create = create.startBeforeElement(arg.get("startBeforeElement").asText());
          }
          processInstanceKey = create.send().join().getProcessInstanceKey();
        }
        case "completeJob" -> {
          ActivatedJob job = job(arg);
          if (arg.has("expectJobVariables")) {
            assertThat(job.getVariablesAsMap()).as("variables the worker sees")
                .containsAllEntriesOf(JSON.convertValue(arg.get("expectJobVariables"), Map.class));
          }
          if (arg.has("expectHeaders")) {
            assertThat(job.getCustomHeaders()).as("task headers")
                .containsAllEntriesOf(JSON.convertValue(arg.get("expectHeaders"), Map.class));
          }
          var complete = client().newCompleteCommand(job.getKey()).variables(vars(arg));
          if (arg.has("adHocResult")) {
            complete = complete.withResult(r -> adHocResult(r.forAdHocSubProcess(), arg.get("adHocResult")));
          }
          complete.send().join();
        }
        case "failJob" -> client().newFailCommand(job(arg).getKey()).retries(arg.path("retries").asInt(0))
            .errorMessage(arg.path("message").asText("failed")).variables(vars(arg)).send().join();
        case "throwError" -> client().newThrowErrorCommand(job(arg).getKey()).errorCode(arg.get("code").asText())
            .errorMessage(arg.path("message").asText("")).variables(vars(arg)).send().join();
        case "publishMessage" -> {
          client().newPublishMessageCommand().messageName(arg.get("name").asText())
              .correlationKey(arg.path("correlationKey").asText("")).timeToLive(Duration.parse(arg.path("ttl").asText("PT0S")))
              .messageId(arg.path("messageId").asText("")).variables(vars(arg)).send().join();
          if (arg.path("startsInstance").asBoolean(false)) {
            // the instance a message start event created becomes the case's instance
            processInstanceKey = h.awaitRecord(r -> r.intent() == ProcessInstanceIntent.ELEMENT_ACTIVATING
                && r.value() instanceof ProcessInstanceRecord pi && pi.parentProcessInstanceKey() < 0
                && BpmnElementType.PROCESS.name().equals(pi.bpmnElementType())).key();
          }
        }
        case "broadcastSignal" -> client().newBroadcastSignalCommand().signalName(arg.get("name").asText())
            .variables(vars(arg)).send().join();
        case "increaseTime" -> {
          h.engine().addClockOffset(Duration.parse(arg.asText())).join();
          settle();
        }
        case "awaitElement" -> awaitElement(arg.get("elementId").asText(), arg.path("intent").asText("ELEMENT_ACTIVATED"));
        case "awaitIncident" -> awaitIncident();
        case "resolveIncident" -> client().newResolveIncidentCommand(awaitIncident().key()).send().join();
        case "updateJobRetries" -> client().newUpdateRetriesCommand(awaitIncident().valueAs(IncidentRecord.class).jobKey())
            .retries(arg.asInt()).send().join();
        case "setVariables" -> client().newSetVariablesCommand(
                awaitElement(arg.get("elementId").asText(), "ELEMENT_ACTIVATED").key())
            .variables(vars(arg)).local(arg.path("local").asBoolean(false)).send().join();
        case "cancel" -> client().newCancelInstanceCommand(processInstanceKey).send().join();
        case "evaluateDecision" -> {
          var r = client().newEvaluateDecisionCommand().decisionId(arg.get("decisionId").asText())
              .variables(vars(arg)).send().join();
          assertThat(JSON.readTree(r.getDecisionOutput())).as("decision output")
              .isEqualTo(arg.get("expectOutput"));
        }
        default -> throw new IllegalArgumentException("Unknown step '" + op + "' in " + dir);
      }
    }

    /** {"activate": [{"elementId": .., "variables": {..}}], "completionConditionFulfilled": .., "cancelRemainingInstances": ..} */
    private static io.camunda.client.api.command.CompleteJobResult adHocResult(
        io.camunda.client.api.command.CompleteAdHocSubProcessResultStep1 result, JsonNode spec) {
      for (JsonNode element : spec.path("activate")) {
        result = result.activateElement(element.get("elementId").asText()).variables(vars(element));
      }
      return result.completionConditionFulfilled(spec.path("completionConditionFulfilled").asBoolean(false))
          .cancelRemainingInstances(spec.path("cancelRemainingInstances").asBoolean(false));
    }

    private static Map<String, Object> vars(JsonNode arg) {
      return arg != null && arg.has("variables") ? JSON.convertValue(arg.get("variables"), Map.class) : Map.of();
    }

    ActivatedJob job(JsonNode arg) {
      return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> client().newActivateJobsCommand()
          .jobType(arg.get("type").asText()).maxJobsToActivate(1)
          // a step whose completion is refused gives its job a short timeout, so a later step gets it again
          .timeout(Duration.parse(arg.path("jobTimeout").asText("PT5M"))).requestTimeout(Duration.ofSeconds(1))
          .send().join().getJobs(), jobs -> !jobs.isEmpty()).get(0);
    }

    Record awaitElement(String elementId, String intent) {
      return h.awaitRecord(r -> r.recordType() == RecordType.EVENT && r.intent().name().equals(intent)
          && r.value() instanceof ProcessInstanceRecord pi && pi.elementId().equals(elementId)
          && h.engine().query(s -> s.elementInstances().get(r.key()) != null || !intent.equals("ELEMENT_ACTIVATED")).join());
    }

    Record awaitIncident() {
      return h.awaitRecord(r -> r.intent() == IncidentIntent.CREATED
          && h.engine().query(s -> s.incidents().get(r.key()) != null).join());
    }

    /** Lets due timers fire and their follow-ups finish. */
    void settle() {
      int[] last = {-1};
      Awaitility.await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofMillis(100)).pollInterval(Duration.ofMillis(100))
          .until(() -> {
            int now = h.records().size();
            boolean quiet = now == last[0];
            last[0] = now;
            return quiet;
          });
    }

    void awaitEnd(String end) {
      switch (end) {
        case "COMPLETED", "TERMINATED" -> h.awaitRecord(r -> r.intent() == ProcessInstanceIntent.valueOf("ELEMENT_" + end)
            && r.value() instanceof ProcessInstanceRecord pi && pi.processInstanceKey() == processInstanceKey
            && pi.elementId().equals(pi.bpmnProcessId()) && BpmnElementType.PROCESS.name().equals(pi.bpmnElementType()));
        default -> settle();
      }
    }

    List<String> lifecycle() {
      return h.records().stream()
          .filter(r -> r.recordType() == RecordType.EVENT && r.value() instanceof ProcessInstanceRecord)
          .map(r -> ((ProcessInstanceRecord) r.value()).elementId() + ":" + r.intent().name())
          .toList();
    }

    Map<String, Object> rootVariables() {
      Map<String, Object> vars = new LinkedHashMap<>();
      for (Record r : h.records()) {
        if (r.recordType() == RecordType.EVENT && r.value() instanceof VariableRecord v
            && v.scopeKey() == processInstanceKey) {
          try {
            vars.put(v.name(), JSON.readValue(v.value(), Object.class));
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }
      }
      return vars;
    }
  }
}
