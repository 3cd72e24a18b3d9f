package io.caseway.app.web;

import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.response.Incident;
import io.caseway.app.audit.AuditLog;
import io.caseway.app.security.CasewayUser;
import io.caseway.app.security.CurrentUser;
import io.caseway.app.shared.EngineRefusals;
import io.caseway.app.web.EngineProcesses.Definition;
import io.caseway.app.web.EngineProcesses.Element;
import io.caseway.app.web.EngineProcesses.ElementCounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The process owner's pages: every process with its versions, one version's diagram with what
 * runs where, the open incidents with a retry, and a form that deploys new versions. They show
 * processes, elements and counts, never a variable: a process owner sees no personal data.
 */
@Controller
class ProcessOwnerController {
  private static final Set<String> DEPLOYABLE = Set.of("bpmn", "dmn", "form");
  private static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH);

  record ProcessRow(String processId, String name, long active, long incidents, List<VersionRow> versions) {}

  record VersionRow(long key, int version, String versionTag, String resourceName) {}

  record ElementRow(String id, String name, String type, long active, long incidents, long completed) {}

  record IncidentRow(long incidentKey, String process, Long definitionKey, String element, String errorType,
      String message, String created) {}

  private final EngineProcesses engine;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  ProcessOwnerController(EngineProcesses engine, CurrentUser currentUser, AuditLog audit) {
    this.engine = engine;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  /** Every process, its versions newest first, with its active instances and open incidents. */
  @GetMapping("/processes")
  String processes(Model model) {
    model.addAttribute("user", currentUser.require());
    Map<String, List<Definition>> byProcess = engine.definitions().stream()
        .collect(Collectors.groupingBy(Definition::processId));
    List<ProcessRow> rows = new ArrayList<>();
    byProcess.forEach((processId, versions) -> {
      List<Definition> newestFirst = versions.stream()
          .sorted(Comparator.comparingInt(Definition::version).reversed()).toList();
      rows.add(new ProcessRow(processId, newestFirst.getFirst().name(), engine.activeInstances(processId),
          engine.openIncidents(processId), newestFirst.stream().map(d -> new VersionRow(d.key(), d.version(),
              d.versionTag(), d.resourceName())).toList()));
    });
    rows.sort(Comparator.comparing(ProcessRow::name, String.CASE_INSENSITIVE_ORDER)
        .thenComparing(ProcessRow::processId));
    model.addAttribute("processes", rows);
    model.addAttribute("incidentTotal", rows.stream().mapToLong(ProcessRow::incidents).sum());
    return "processes";
  }

  /**
   * Deploys the chosen {@code .bpmn}, {@code .dmn} and {@code .form} files in one deployment: each
   * changed file becomes a new version; when the engine refuses one file nothing is deployed.
   */
  @PostMapping("/processes/deployments")
  String deploy(@RequestParam(name = "files", required = false) List<MultipartFile> files,
      RedirectAttributes redirect) {
    CasewayUser me = currentUser.require();
    Map<String, byte[]> resources = new LinkedHashMap<>();
    String problem = read(files == null ? List.of() : files, resources);
    if (problem == null) {
      try {
        DeploymentEvent deployed = engine.deploy(resources);
        List<String> versions = deployedVersions(deployed);
        audit.record(me, AuditLog.Action.WRITE, "deployment", deployed.getKey(), null,
            shorten("deploy " + String.join(", ", resources.keySet()) + " from the process owner's page"), true);
        redirect.addFlashAttribute("deployed", versions);
        return "redirect:/processes";
      } catch (EngineProcesses.Refused e) {
        problem = "The engine deployed nothing: " + e.getMessage();
      }
    }
    redirect.addFlashAttribute("deployError", problem);
    return "redirect:/processes";
  }

  /** One version: its diagram with counts per element, and the same as a table. */
  @GetMapping("/processes/{key:\\d+}")
  String definition(@PathVariable long key, Model model) {
    model.addAttribute("user", currentUser.require());
    Definition definition = engine.definition(key);
    Map<String, ElementCounts> counts = engine.elementCounts(key);
    ElementCounts none = new ElementCounts(0, 0, 0);
    List<ElementRow> elements = EngineProcesses.elements(engine.xml(key), definition.processId()).stream()
        .map(e -> {
          ElementCounts c = counts.getOrDefault(e.id(), none);
          return new ElementRow(e.id(), e.name().isEmpty() ? "No name" : e.name(), e.type(), c.active(),
              c.incidents(), c.completed());
        }).toList();
    model.addAttribute("definition", definition);
    model.addAttribute("elements", elements);
    model.addAttribute("active", elements.stream().mapToLong(ElementRow::active).sum());
    model.addAttribute("incidents", elements.stream().mapToLong(ElementRow::incidents).sum());
    return "process";
  }

  /** The BPMN file of a version, for the diagram viewer on the version's page. */
  @GetMapping(path = "/processes/{key:\\d+}/diagram.bpmn")
  ResponseEntity<String> diagram(@PathVariable long key) {
    return ResponseEntity.ok().contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
        .body(engine.xml(key));
  }

  /** The open incidents of every process, newest first. */
  @GetMapping("/processes/incidents")
  String incidents(Model model) {
    model.addAttribute("user", currentUser.require());
    var open = engine.openIncidents();
    Map<Long, Definition> definitions = new HashMap<>();
    engine.definitions().forEach(d -> definitions.put(d.key(), d));
    Map<Long, Map<String, String>> elementNames = new HashMap<>();
    model.addAttribute("incidents", open.items().stream().map(i -> {
      Definition d = i.getProcessDefinitionKey() == null ? null : definitions.get(i.getProcessDefinitionKey());
      String process = d == null ? i.getProcessDefinitionId() : d.name() + " (version " + d.version() + ")";
      String elementName = d == null ? null : elementNames.computeIfAbsent(d.key(), k ->
          EngineProcesses.elements(engine.xml(k), d.processId()).stream()
              .filter(e -> !e.name().isEmpty()).collect(Collectors.toMap(Element::id, Element::name, (a, b) -> a)))
          .get(i.getElementId());
      return new IncidentRow(i.getIncidentKey(), process, d == null ? null : d.key(),
          elementName == null ? i.getElementId() : elementName + " (" + i.getElementId() + ")",
          errorType(i.getErrorType()), i.getErrorMessage(), created(i.getCreationTime()));
    }).toList());
    model.addAttribute("total", open.total());
    return "incidents";
  }

  /** Gives the failed step another try (one more job retry, then the incident resolved). */
  @PostMapping("/processes/incidents/{incidentKey:\\d+}/retry")
  String retry(@PathVariable long incidentKey, RedirectAttributes redirect) {
    CasewayUser me = currentUser.require();
    try {
      Incident incident = engine.retry(incidentKey);
      audit.record(me, AuditLog.Action.WRITE, "incident", incidentKey, null,
          shorten("retry the incident at " + incident.getElementId() + " of " + incident.getProcessDefinitionId()),
          true);
      redirect.addFlashAttribute("retried", "The step " + incident.getElementId() + " of "
          + incident.getProcessDefinitionId() + " is being tried again. If it fails again, a new incident is listed.");
    } catch (ClientException e) {
      redirect.addFlashAttribute("retryError",
          "The engine did not retry incident " + incidentKey + ": " + EngineRefusals.reason(e));
    }
    return "redirect:/processes/incidents";
  }

  /** Reads the chosen files into {@code resources} by name; answers what is wrong with them, or null. */
  private static String read(List<MultipartFile> files, Map<String, byte[]> resources) {
    for (MultipartFile f : files) {
      String name = StringUtils.getFilename(f.getOriginalFilename());
      if (name == null || name.isBlank()) {
        continue; // the file input sends an empty part when nothing is chosen
      }
      String extension = StringUtils.getFilenameExtension(name);
      if (extension == null || !DEPLOYABLE.contains(extension.toLowerCase(Locale.ROOT))) {
        return name + " is not a BPMN, DMN or form file: choose files ending in .bpmn, .dmn or .form";
      }
      if (f.isEmpty()) {
        return name + " is empty";
      }
      if (resources.put(name, bytes(f)) != null) {
        return "You chose " + name + " twice";
      }
    }
    return resources.isEmpty() ? "Choose one or more .bpmn, .dmn or .form files to deploy" : null;
  }

  /** One line per deployed process, decision and form: what it is and the version it now has. */
  private static List<String> deployedVersions(DeploymentEvent deployed) {
    List<String> lines = new ArrayList<>();
    deployed.getProcesses().forEach(p -> lines.add(p.getResourceName() + ": process " + p.getBpmnProcessId()
        + ", version " + p.getVersion()));
    deployed.getDecisions().forEach(d -> lines.add("Decision " + d.getDmnDecisionId() + ", version " + d.getVersion()));
    deployed.getForm().forEach(f -> lines.add(f.getResourceName() + ": form " + f.getFormId()
        + ", version " + f.getVersion()));
    return lines;
  }

  private static String errorType(IncidentErrorType type) {
    if (type == null) {
      return "Unknown";
    }
    return switch (type) {
      case JOB_NO_RETRIES -> "A task failed and has no retries left";
      case IO_MAPPING_ERROR -> "An input or output mapping failed";
      case CONDITION_ERROR -> "A condition could not be evaluated";
      case EXTRACT_VALUE_ERROR -> "A value could not be read";
      case CALLED_ELEMENT_ERROR -> "The called process could not be started";
      case UNHANDLED_ERROR_EVENT -> "An error was thrown that nothing catches";
      case CALLED_DECISION_ERROR, DECISION_EVALUATION_ERROR -> "A decision could not be evaluated";
      case FORM_NOT_FOUND -> "The task's form is not deployed";
      case RESOURCE_NOT_FOUND -> "A linked resource is not deployed";
      case EXECUTION_LISTENER_NO_RETRIES, TASK_LISTENER_NO_RETRIES -> "A listener failed and has no retries left";
      case MESSAGE_SIZE_EXCEEDED -> "The variables are too large";
      default -> Labels.of(type);
    };
  }

  private static String created(OffsetDateTime at) {
    return at == null ? "" : CREATED.format(at.atZoneSameInstant(ZoneOffset.UTC));
  }

  /** The access log keeps 200 characters of a purpose. */
  private static String shorten(String purpose) {
    return purpose.length() <= 200 ? purpose : purpose.substring(0, 199) + "…";
  }

  private static byte[] bytes(MultipartFile f) {
    try {
      return f.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the uploaded file " + f.getOriginalFilename(), e);
    }
  }
}
