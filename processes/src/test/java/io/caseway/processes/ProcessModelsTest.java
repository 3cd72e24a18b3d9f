package io.caseway.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.xml.validation.ValidationResults;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model and form of {@code caseway/processes/} as Camunda Modeler and a Camunda 8.8 cluster see them:
 * it parses and validates with zeebe-bpmn-model, follows the naming conventions, carries its diagram, and its
 * user tasks are Camunda user tasks with a form that exists in the folder.
 */
class ProcessModelsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<String> models() {
    return ProcessResources.files(".bpmn");
  }

  static List<String> forms() {
    return ProcessResources.files(".form");
  }

  private static BpmnModelInstance read(String file) throws IOException {
    try (InputStream in = Files.newInputStream(ProcessResources.folder().resolve(file))) {
      return Bpmn.readModelFromStream(in);
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void parsesAndValidatesWithZeebeBpmnModel(String file) throws IOException {
    BpmnModelInstance model = read(file);

    Bpmn.validateModel(model);
    ValidationResults results = model.validate(ZeebeDesignTimeValidators.VALIDATORS);
    List<String> errors = new ArrayList<>();
    results.getResults().forEach((element, list) -> list.forEach(r -> errors.add(element + ": " + r.getMessage())));
    assertThat(errors).as("Zeebe design-time validation of %s", file).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("models")
  void isNamedAfterItsProcessAndTargetsCamunda88(String file) throws IOException {
    BpmnModelInstance model = read(file);

    assertThat(model.getModelElementsByType(Process.class)).singleElement()
        .satisfies(p -> assertThat(p.getId() + ".bpmn").isEqualTo(file));
    assertThat(model.getDefinitions().getAttributeValueNs("http://camunda.org/schema/modeler/1.0", "executionPlatform"))
        .isEqualTo("Camunda Cloud");
    assertThat(model.getDefinitions()
        .getAttributeValueNs("http://camunda.org/schema/modeler/1.0", "executionPlatformVersion")).startsWith("8.8");
  }

  @ParameterizedTest
  @MethodSource("models")
  void elementIdsFollowTypeUnderscoreName(String file) throws IOException {
    List<String> wrong = read(file).getModelElementsByType(FlowElement.class).stream()
        .filter(e -> !e.getId().matches(typePrefix(e) + "_[A-Z][A-Za-z0-9]*"))
        .map(e -> e.getId() + " (expected " + typePrefix(e) + "_Name)")
        .toList();

    assertThat(wrong).as("element ids of %s", file).isEmpty();
  }

  /** Gateways of every kind are {@code Gateway_}, sequence flows {@code Flow_}, everything else its BPMN type. */
  private static String typePrefix(BaseElement element) {
    if (element instanceof Gateway) {
      return "Gateway";
    }
    if (element instanceof SequenceFlow) {
      return "Flow";
    }
    String type = element.getElementType().getTypeName();
    return Character.toUpperCase(type.charAt(0)) + type.substring(1);
  }

  @ParameterizedTest
  @MethodSource("models")
  void jobTypesAreKebabCaseVerbNoun(String file) throws IOException {
    assertThat(read(file).getModelElementsByType(ZeebeTaskDefinition.class))
        .allSatisfy(t -> assertThat(t.getType()).matches("[a-z]+(-[a-z]+)+"));
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyFlowNodeAndFlowIsDrawn(String file) throws IOException {
    BpmnModelInstance model = read(file);
    Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
        .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));

    List<String> undrawn = model.getModelElementsByType(FlowElement.class).stream()
        .filter(e -> e instanceof FlowNode || e instanceof SequenceFlow)
        .map(FlowElement::getId).filter(id -> !drawn.contains(id)).toList();

    assertThat(undrawn).as("elements of %s without a shape or edge", file).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("models")
  void userTasksAreCamundaUserTasksWithAFormOfThisFolder(String file) throws IOException {
    Set<String> formIds = forms().stream().map(f -> f.substring(0, f.length() - ".form".length()))
        .collect(Collectors.toSet());

    for (UserTask task : read(file).getModelElementsByType(UserTask.class)) {
      assertThat(task.getSingleExtensionElement(ZeebeUserTask.class)).as("%s is a Camunda user task", task.getId())
          .isNotNull();
      ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
      assertThat(form).as("%s links a form", task.getId()).isNotNull();
      assertThat(formIds).as("form of %s", task.getId()).contains(form.getFormId());
    }
  }

  @ParameterizedTest
  @MethodSource("forms")
  void formsAreNamedAfterTheirIdAndEveryInputHasAKeyAndALabel(String file) throws IOException {
    JsonNode form = JSON.readTree(ProcessResources.folder().resolve(file).toFile());

    assertThat(form.path("id").asText() + ".form").isEqualTo(file);
    assertThat(form.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(16);
    assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Cloud");
    assertThat(form.path("components")).isNotEmpty().allSatisfy(c -> {
      if (!c.path("type").asText().equals("text")) {
        assertThat(c.path("key").asText()).as("key of %s", c.path("id")).isNotBlank();
        String label = c.has("label") ? c.path("label").asText() : c.path("dateLabel").asText();
        assertThat(label).as("label of %s", c.path("id")).isNotBlank();
      }
    });
  }
}
