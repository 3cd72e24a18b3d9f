package io.caseway.app.web;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.client.api.statistics.response.ProcessElementStatistics;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.caseway.app.shared.EngineRefusals;
import io.caseway.app.shared.Problems;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the process owner's pages read from the engine and tell it, through the Camunda client's
 * REST API v2 searches and reads and its commands only: the pages work the same against the
 * embedded engine and a Camunda 8.8 cluster. Nothing here reads a variable, so no personal data.
 */
@Component
class EngineProcesses {
  /** The engine's page size for the searches that list everything. */
  private static final int PAGE = 100;
  /** How many open incidents the page lists; more are counted, not shown. */
  private static final int INCIDENT_LIMIT = 200;

  /** One version of a process. */
  record Definition(long key, String processId, String name, int version, String versionTag,
      String resourceName) {}

  /** One BPMN element of a process, in the order of its file. */
  record Element(String id, String name, String type) {}

  /** How many element instances are active, have an incident, or completed, per element id. */
  record ElementCounts(long active, long incidents, long completed) {}

  /** The first open incidents, newest first, and how many there are. */
  record OpenIncidents(List<Incident> items, long total) {}

  /** A deployment the engine refused, with its reason in its own words. */
  static final class Refused extends RuntimeException {
    Refused(String reason) {
      super(reason);
    }
  }

  private final CamundaClient camunda;

  EngineProcesses(CamundaClient camunda) {
    this.camunda = camunda;
  }

  /** Every version of every process. */
  List<Definition> definitions() {
    List<Definition> all = new ArrayList<>();
    while (true) {
      int from = all.size();
      var page = camunda.newProcessDefinitionSearchRequest()
          .sort(s -> s.processDefinitionKey().asc())
          .page(p -> p.from(from).limit(PAGE))
          .send().join();
      page.items().forEach(d -> all.add(definition(d)));
      Long total = page.page().totalItems();
      if (page.items().isEmpty() || total == null || all.size() >= total) {
        return all;
      }
    }
  }

  /** One version, or a 404 problem when the engine knows no definition with this key. */
  Definition definition(long key) {
    return definition(engine(() -> camunda.newProcessDefinitionGetRequest(key).send().join(), key));
  }

  /** The BPMN file of a version, as deployed. */
  String xml(long key) {
    return engine(() -> camunda.newProcessDefinitionGetXmlRequest(key).send().join(), key);
  }

  /** Active process instances of every version of a process. */
  long activeInstances(String processId) {
    return total(camunda.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(processId).state(ProcessInstanceState.ACTIVE))
        .page(p -> p.limit(1)).send().join().page().totalItems());
  }

  /** Open incidents of every version of a process. */
  long openIncidents(String processId) {
    return total(camunda.newIncidentSearchRequest()
        .filter(f -> f.processDefinitionId(processId).state(IncidentState.ACTIVE))
        .page(p -> p.limit(1)).send().join().page().totalItems());
  }

  /** Per element of a version: its active, incident and completed element instances. */
  Map<String, ElementCounts> elementCounts(long key) {
    List<ProcessElementStatistics> statistics =
        engine(() -> camunda.newProcessDefinitionElementStatisticsRequest(key).send().join(), key);
    return statistics.stream().collect(Collectors.toMap(ProcessElementStatistics::getElementId,
        s -> new ElementCounts(count(s.getActive()), count(s.getIncidents()), count(s.getCompleted())),
        (a, b) -> a));
  }

  /** The open incidents, newest first. */
  OpenIncidents openIncidents() {
    var found = camunda.newIncidentSearchRequest()
        .filter(f -> f.state(IncidentState.ACTIVE))
        .sort(s -> s.creationTime().desc())
        .page(p -> p.limit(INCIDENT_LIMIT))
        .send().join();
    return new OpenIncidents(found.items(), total(found.page().totalItems()));
  }

  /**
   * Tries the failed step again: a job that ran out of retries gets one more, then the incident is
   * resolved, so the engine runs the element again. Answers the incident as it was.
   */
  Incident retry(long incidentKey) {
    Incident incident = camunda.newIncidentGetRequest(incidentKey).send().join();
    if (incident.getJobKey() != null && incident.getJobKey() > 0) {
      camunda.newUpdateRetriesCommand(incident.getJobKey()).retries(1).send().join();
    }
    camunda.newResolveIncidentCommand(incidentKey).send().join();
    return incident;
  }

  /** Deploys the files in one deployment: all of them, or none when the engine refuses one. */
  DeploymentEvent deploy(Map<String, byte[]> files) {
    DeployResourceCommandStep2 command = null;
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      command = (command == null ? camunda.newDeployResourceCommand() : command)
          .addResourceBytes(f.getValue(), f.getKey());
    }
    if (command == null) {
      throw new IllegalArgumentException("A deployment needs at least one file");
    }
    try {
      return command.send().join();
    } catch (ClientException e) {
      throw new Refused(EngineRefusals.reason(e));
    }
  }

  /** The flow elements of one process in its BPMN file, sub-processes' elements after their sub-process. */
  static List<Element> elements(String xml, String processId) {
    var model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    List<Element> elements = new ArrayList<>();
    if (model.getModelElementById(processId) instanceof Process process) {
      collect(process.getFlowElements(), elements);
    }
    return elements;
  }

  private static void collect(Collection<FlowElement> flowElements, List<Element> into) {
    for (FlowElement e : flowElements) {
      if (e instanceof FlowNode) {
        into.add(new Element(e.getId(), e.getName() == null ? "" : e.getName().strip(),
            words(e.getElementType().getTypeName())));
      }
      if (e instanceof SubProcess sub) {
        collect(sub.getFlowElements(), into);
      }
    }
  }

  /** {@code serviceTask} becomes "Service task". */
  private static String words(String camelCase) {
    String spaced = camelCase.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  private static Definition definition(ProcessDefinition d) {
    return new Definition(d.getProcessDefinitionKey(), d.getProcessDefinitionId(),
        d.getName() == null || d.getName().isBlank() ? d.getProcessDefinitionId() : d.getName(), d.getVersion(),
        d.getVersionTag(), d.getResourceName());
  }

  /** A read of one definition; the engine's 404 becomes the pages' own. */
  private static <T> T engine(Supplier<T> read, long key) {
    try {
      return read.get();
    } catch (ProblemException e) {
      if (e.code() == 404) {
        throw Problems.ProblemException.notFound("No process definition has the key " + key);
      }
      throw e;
    }
  }

  private static long total(Long total) {
    return total == null ? 0 : total;
  }

  private static long count(Long count) {
    return count == null ? 0 : count;
  }
}
