package io.caseway.engine.gateway.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseway.engine.Engine;
import io.caseway.engine.query.Projections;
import io.caseway.engine.query.Projections.Data;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The searches and reads of the REST API v2, served from the engine's search projections on the
 * processing thread (a consistent view). Items are built in the shape of the client's result DTOs
 * (keys as strings, dates ISO 8601 in UTC); {@link SearchQuery} filters, sorts and pages them.
 */
final class RestSearchApi {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
      .withZone(ZoneOffset.UTC);

  private final Engine engine;

  RestSearchApi(Engine engine) {
    this.engine = engine;
  }

  /** One searchable resource: its items in response shape, and which filter fields it understands. */
  private record Resource(Class<?> filterType, Class<?> resultType, Set<String> hidden,
      Function<Data, List<ObjectNode>> items) {
    Set<String> known() {
      Set<String> known = properties(filterType);
      return known;
    }

    Set<String> supported() {
      Set<String> supported = new HashSet<>(properties(resultType));
      supported.addAll(hidden);
      return supported;
    }
  }

  void register(RestRouter r) {
    Resource processInstances = new Resource(io.camunda.client.protocol.rest.ProcessInstanceFilter.class,
        io.camunda.client.protocol.rest.ProcessInstanceResult.class, Set.of(),
        d -> map(d.processInstances.values(), p -> processInstance(d, p)));
    Resource elementInstances = new Resource(io.camunda.client.protocol.rest.ElementInstanceFilter.class,
        io.camunda.client.protocol.rest.ElementInstanceResult.class, Set.of("elementInstanceScopeKey"),
        d -> map(d.elementInstances.values(), e -> elementInstance(d, e)));
    Resource variables = new Resource(io.camunda.client.protocol.rest.VariableFilter.class,
        io.camunda.client.protocol.rest.VariableSearchResult.class, Set.of(),
        d -> map(d.variables.values(), v -> variable(v, true)));
    Resource incidents = new Resource(io.camunda.client.protocol.rest.IncidentFilter.class,
        io.camunda.client.protocol.rest.IncidentResult.class, Set.of(),
        d -> map(d.incidents.values(), RestSearchApi::incident));
    Resource userTasks = new Resource(io.camunda.client.protocol.rest.UserTaskFilter.class,
        io.camunda.client.protocol.rest.UserTaskResult.class, Set.of("candidateGroup", "candidateUser"),
        d -> map(d.userTasks.values(), RestSearchApi::userTask));
    Resource processDefinitions = new Resource(io.camunda.client.protocol.rest.ProcessDefinitionFilter.class,
        io.camunda.client.protocol.rest.ProcessDefinitionResult.class, Set.of("isLatestVersion"),
        RestSearchApi::processDefinitions);
    Resource decisionInstances = new Resource(io.camunda.client.protocol.rest.DecisionInstanceFilter.class,
        io.camunda.client.protocol.rest.DecisionInstanceResult.class, Set.of(),
        d -> map(d.decisionInstances.values(), x -> decisionInstance(x, false)));
    Resource subscriptions = new Resource(io.camunda.client.protocol.rest.MessageSubscriptionFilter.class,
        io.camunda.client.protocol.rest.MessageSubscriptionResult.class, Set.of(),
        d -> map(d.messageSubscriptions.values(), RestSearchApi::subscription));
    Resource correlated = new Resource(io.camunda.client.protocol.rest.CorrelatedMessageSubscriptionFilter.class,
        io.camunda.client.protocol.rest.CorrelatedMessageSubscriptionResult.class, Set.of(),
        d -> map(d.correlatedSubscriptions, RestSearchApi::correlated));

    Resource decisionDefinitions = new Resource(io.camunda.client.protocol.rest.DecisionDefinitionFilter.class,
        io.camunda.client.protocol.rest.DecisionDefinitionResult.class, Set.of(),
        d -> map(d.decisionDefinitions.values(), RestSearchApi::decisionDefinition));
    Resource decisionRequirements = new Resource(io.camunda.client.protocol.rest.DecisionRequirementsFilter.class,
        io.camunda.client.protocol.rest.DecisionRequirementsResult.class, Set.of(),
        d -> map(d.decisionRequirements.values(), RestSearchApi::decisionRequirements));

    Resource jobs = new Resource(io.camunda.client.protocol.rest.JobFilter.class,
        io.camunda.client.protocol.rest.JobSearchResult.class, Set.of(),
        d -> map(d.jobs.values(), RestSearchApi::job));
    search(r, "/v2/jobs/search", jobs);
    search(r, "/v2/decision-definitions/search", decisionDefinitions);
    search(r, "/v2/decision-requirements/search", decisionRequirements);
    get(r, "/v2/decision-definitions/{key}", "decision definition", (d, k) -> {
      Projections.DecisionDefinition x = d.decisionDefinitions.get(k);
      return x == null ? null : decisionDefinition(x);
    });
    get(r, "/v2/decision-requirements/{key}", "decision requirements", (d, k) -> {
      Projections.DecisionRequirements x = d.decisionRequirements.get(k);
      return x == null ? null : decisionRequirements(x);
    });
    xml(r, "/v2/decision-definitions/{key}/xml", "Decision definition", (d, k) -> {
      Projections.DecisionDefinition x = d.decisionDefinitions.get(k);
      Projections.DecisionRequirements drg = x == null ? null : d.decisionRequirements.get(x.decisionRequirementsKey);
      return drg == null ? null : drg.xml;
    });
    xml(r, "/v2/decision-requirements/{key}/xml", "Decision requirements", (d, k) -> {
      Projections.DecisionRequirements x = d.decisionRequirements.get(k);
      return x == null ? null : x.xml;
    });
    r.add("GET", "/v2/process-definitions/{key}/form", ex -> {
      long key = ex.key("key");
      ex.answer(engine.search(p -> {
        Projections.ProcessDefinition def = p.data().processDefinitions.get(key);
        if (def == null) {
          return null;
        }
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        Projections.Form form = latestForm(p.data(), def.startFormId, def.tenantId);
        if (form != null) {
          n.setAll(form(form));
        }
        return n;
      }), body -> {
        if (body == null) {
          throw RestProblem.notFound("Process definition with key '" + key + "' not found");
        }
        return body.isEmpty() ? null : body;
      });
    });
    r.add("GET", "/v2/process-instances/{key}/statistics/element-instances", ex -> {
      long key = ex.key("key");
      ex.answer(engine.search(p -> p.data().processInstances.containsKey(key)
          ? elementStatistics(p.data(), Set.of(key)) : null), body -> {
        if (body == null) {
          throw RestProblem.notFound("Process instance with key '" + key + "' not found");
        }
        return body;
      });
    });
    r.add("POST", "/v2/process-definitions/{key}/statistics/element-instances", ex -> {
      long key = ex.key("key");
      SearchQuery query = SearchQuery.parse(ex.body(),
          properties(io.camunda.client.protocol.rest.ProcessDefinitionStatisticsFilter.class),
          properties(io.camunda.client.protocol.rest.ProcessInstanceResult.class), Set.of());
      ex.answer(engine.search(p -> {
        Data d = p.data();
        if (!d.processDefinitions.containsKey(key)) {
          return null;
        }
        List<ObjectNode> instances = new ArrayList<>();
        for (Projections.ProcessInstance pi : d.processInstances.values()) {
          if (pi.processDefinitionKey == key) {
            instances.add(processInstance(d, pi));
          }
        }
        Set<Long> keys = new HashSet<>();
        for (ObjectNode n : query.matching(instances)) {
          keys.add(Long.parseLong(n.get("processInstanceKey").asText()));
        }
        return elementStatistics(d, keys);
      }), body -> {
        if (body == null) {
          throw RestProblem.notFound("Process definition with key '" + key + "' not found");
        }
        return body;
      });
    });
    r.add("GET", "/v2/process-instances/{key}/call-hierarchy", ex -> {
      long key = ex.key("key");
      ex.answer(engine.search(p -> {
        Data d = p.data();
        Projections.ProcessInstance pi = d.processInstances.get(key);
        if (pi == null) {
          return null;
        }
        List<ObjectNode> chain = new ArrayList<>();
        for (Projections.ProcessInstance at = pi; at != null; at = d.processInstances.get(at.parentProcessInstanceKey)) {
          ObjectNode n = RestJson.MAPPER.createObjectNode();
          n.put("processInstanceKey", RestApi.key(at.key));
          n.put("processDefinitionKey", RestApi.key(at.processDefinitionKey));
          n.put("processDefinitionName", at.processName == null ? at.bpmnProcessId : at.processName);
          chain.add(0, n);
          if (at.parentProcessInstanceKey <= 0) {
            break;
          }
        }
        return chain;
      }), body -> {
        if (body == null) {
          throw RestProblem.notFound("Process instance with key '" + key + "' not found");
        }
        return body;
      });
    });
    r.add("POST", "/v2/process-instances/{key}/incidents/search", ex -> {
      long key = ex.key("key");
      SearchQuery query = SearchQuery.parse(ex.body(), Set.of(), Set.of(),
          properties(io.camunda.client.protocol.rest.IncidentResult.class));
      ex.answer(engine.search(p -> {
        Data d = p.data();
        if (!d.processInstances.containsKey(key)) {
          return null;
        }
        Set<Long> tree = descendants(d, key);
        List<ObjectNode> items = new ArrayList<>();
        for (Projections.Incident i : d.incidents.values()) {
          if (tree.contains(i.processInstanceKey)) {
            items.add(incident(i));
          }
        }
        return query.answer(items, Set.of());
      }), body -> {
        if (body == null) {
          throw RestProblem.notFound("Process instance with key '" + key + "' not found");
        }
        return body;
      });
    });

    search(r, "/v2/process-instances/search", processInstances);
    search(r, "/v2/element-instances/search", elementInstances);
    search(r, "/v2/variables/search", variables);
    search(r, "/v2/incidents/search", incidents);
    search(r, "/v2/user-tasks/search", userTasks);
    search(r, "/v2/process-definitions/search", processDefinitions);
    search(r, "/v2/decision-instances/search", decisionInstances);
    search(r, "/v2/message-subscriptions/search", subscriptions);
    search(r, "/v2/correlated-message-subscriptions/search", correlated);

    get(r, "/v2/process-instances/{key}", "process instance", (d, k) -> {
      Projections.ProcessInstance p = d.processInstances.get(k);
      return p == null ? null : processInstance(d, p);
    });
    get(r, "/v2/element-instances/{key}", "element instance", (d, k) -> {
      Projections.ElementInstance e = d.elementInstances.get(k);
      return e == null ? null : elementInstance(d, e);
    });
    get(r, "/v2/variables/{key}", "variable", (d, k) -> {
      Projections.Variable v = d.variables.get(k);
      return v == null ? null : variable(v, false);
    });
    get(r, "/v2/incidents/{key}", "incident", (d, k) -> {
      Projections.Incident i = d.incidents.get(k);
      return i == null ? null : incident(i);
    });
    get(r, "/v2/user-tasks/{key}", "user task", (d, k) -> {
      Projections.UserTask t = d.userTasks.get(k);
      return t == null ? null : userTask(t);
    });
    get(r, "/v2/process-definitions/{key}", "process definition", (d, k) -> {
      Projections.ProcessDefinition p = d.processDefinitions.get(k);
      return p == null ? null : processDefinition(p);
    });
    xml(r, "/v2/process-definitions/{key}/xml", "Process definition", (d, k) -> {
      Projections.ProcessDefinition x = d.processDefinitions.get(k);
      return x == null ? null : x.xml;
    });
    r.add("GET", "/v2/process-instances/{key}/sequence-flows", ex -> {
      long key = ex.key("key");
      ex.answer(engine.search(p -> {
        Data d = p.data();
        if (!d.processInstances.containsKey(key)) {
          return null;
        }
        ObjectNode result = RestJson.MAPPER.createObjectNode();
        ArrayNode items = result.putArray("items");
        Set<String> seen = new HashSet<>();
        for (Projections.SequenceFlow f : d.sequenceFlows.values()) {
          if (f.processInstanceKey == key && seen.add(f.flowId)) {
            ObjectNode n = items.addObject();
            n.put("sequenceFlowId", f.flowId);
            n.put("processInstanceKey", RestApi.key(f.processInstanceKey));
            n.put("processDefinitionKey", RestApi.key(f.processDefinitionKey));
            n.put("processDefinitionId", f.bpmnProcessId);
            n.put("elementId", f.flowId);
            n.put("tenantId", RestApi.tenant(f.tenantId));
          }
        }
        return result;
      }), body -> {
        if (body == null) {
          throw RestProblem.notFound("Process instance with key '" + key + "' not found");
        }
        return body;
      });
    });
    r.add("GET", "/v2/decision-instances/{id}", ex -> {
      String id = ex.parameterValue("id");
      ex.answer(engine.search(p -> {
        Projections.DecisionInstance x = p.data().decisionInstances.get(id);
        return x == null ? null : decisionInstance(x, true);
      }), body -> {
        if (body == null) {
          throw RestProblem.notFound("Decision instance with id '" + id + "' not found");
        }
        return body;
      });
    });
    r.add("GET", "/v2/user-tasks/{key}/form", ex -> {
      long key = ex.key("key");
      ex.answer(engine.search(p -> {
        Projections.UserTask t = p.data().userTasks.get(key);
        if (t == null) {
          return null;
        }
        Projections.Form f = p.data().forms.get(t.formKey);
        return f == null ? RestJson.MAPPER.createObjectNode() : form(f);
      }), body -> {
        if (body == null) {
          throw RestProblem.notFound("User task with key '" + key + "' not found");
        }
        return body.isEmpty() ? null : body;
      });
    });
    r.add("POST", "/v2/user-tasks/{key}/variables/search", ex -> {
      long key = ex.key("key");
      SearchQuery query = SearchQuery.parse(ex.body(), Set.of("name"), Set.of("name"),
          properties(io.camunda.client.protocol.rest.VariableSearchResult.class));
      ex.answer(engine.search(p -> {
        Data d = p.data();
        Projections.UserTask t = d.userTasks.get(key);
        if (t == null) {
          return null;
        }
        Map<Long, Map<String, Projections.Variable>> byScope = new HashMap<>();
        for (Projections.Variable v : d.variables.values()) {
          if (v.processInstanceKey == t.processInstanceKey) {
            byScope.computeIfAbsent(v.scopeKey, s -> new LinkedHashMap<>()).put(v.name, v);
          }
        }
        Map<String, Projections.Variable> visible = new LinkedHashMap<>();
        long scope = t.elementInstanceKey;
        while (scope > 0) {
          byScope.getOrDefault(scope, Map.of()).forEach(visible::putIfAbsent);
          Projections.ElementInstance e = d.elementInstances.get(scope);
          scope = e == null ? -1 : e.flowScopeKey;
        }
        return query.answer(map(visible.values(), v -> variable(v, true)), Set.of());
      }), body -> {
        if (body == null) {
          throw RestProblem.notFound("User task with key '" + key + "' not found");
        }
        return body;
      });
    });
  }

  private void xml(RestRouter r, String path, String what, BiFunction<Data, Long, String> read) {
    r.add("GET", path, ex -> {
      long key = ex.key("key");
      ex.answer(engine.search(p -> read.apply(p.data(), key)), xml -> {
        if (xml == null) {
          throw RestProblem.notFound(what + " with key '" + key + "' not found");
        }
        ex.text("text/xml", xml);
        return null;
      });
    });
  }

  /** Per element: how many of its instances are active, have an incident, completed, or were canceled. */
  private static ObjectNode elementStatistics(Data d, Set<Long> processInstanceKeys) {
    Map<String, long[]> counts = new java.util.TreeMap<>();
    for (Projections.ElementInstance e : d.elementInstances.values()) {
      if (!processInstanceKeys.contains(e.processInstanceKey) || "PROCESS".equals(e.type)) {
        continue;
      }
      long[] c = counts.computeIfAbsent(e.elementId, id -> new long[4]);
      switch (e.state) {
        case "ACTIVE" -> c[e.incidentKey > 0 ? 1 : 0]++;
        case "COMPLETED" -> c[2]++;
        case "TERMINATED" -> c[3]++;
        default -> { }
      }
    }
    ObjectNode result = RestJson.MAPPER.createObjectNode();
    ArrayNode items = result.putArray("items");
    counts.forEach((elementId, c) -> {
      ObjectNode n = items.addObject();
      n.put("elementId", elementId);
      n.put("active", c[0]);
      n.put("incidents", c[1]);
      n.put("completed", c[2]);
      n.put("canceled", c[3]);
    });
    return result;
  }

  /** The instance and every instance its call activities started, transitively. */
  private static Set<Long> descendants(Data d, long root) {
    Set<Long> tree = new HashSet<>();
    tree.add(root);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Projections.ProcessInstance pi : d.processInstances.values()) {
        if (tree.contains(pi.parentProcessInstanceKey) && tree.add(pi.key)) {
          grew = true;
        }
      }
    }
    return tree;
  }

  private static Projections.Form latestForm(Data d, String formId, String tenantId) {
    Projections.Form latest = null;
    if (formId == null) {
      return null;
    }
    for (Projections.Form f : d.forms.values()) {
      if (formId.equals(f.formId) && RestApi.tenant(f.tenantId).equals(RestApi.tenant(tenantId))
          && (latest == null || f.version > latest.version)) {
        latest = f;
      }
    }
    return latest;
  }

  private static ObjectNode form(Projections.Form f) {
    ObjectNode n = RestJson.MAPPER.createObjectNode();
    n.put("formKey", RestApi.key(f.key));
    n.put("formId", f.formId);
    n.put("version", f.version);
    n.put("schema", f.schema);
    n.put("tenantId", RestApi.tenant(f.tenantId));
    return n;
  }

  private static ObjectNode job(Projections.Job j) {
    ObjectNode n = RestJson.MAPPER.createObjectNode();
    n.put("jobKey", RestApi.key(j.key));
    n.put("type", j.type);
    n.put("worker", j.worker == null ? "" : j.worker);
    n.put("state", j.state);
    n.put("kind", "BPMN_ELEMENT");
    n.put("listenerEventType", "UNSPECIFIED");
    n.put("retries", j.retries);
    n.put("isDenied", (Boolean) null);
    n.put("deniedReason", (String) null);
    n.put("hasFailedWithRetriesLeft", j.failedWithRetriesLeft);
    n.put("errorCode", j.errorCode);
    n.put("errorMessage", j.errorMessage);
    ObjectNode headers = n.putObject("customHeaders");
    j.customHeaders.forEach(headers::put);
    n.put("deadline", date(j.deadline));
    n.put("endTime", date(j.endTime));
    n.put("processDefinitionId", j.bpmnProcessId);
    n.put("processDefinitionKey", RestApi.key(j.processDefinitionKey));
    n.put("processInstanceKey", RestApi.key(j.processInstanceKey));
    n.put("elementId", j.elementId);
    n.put("elementInstanceKey", RestApi.key(j.elementInstanceKey));
    n.put("tenantId", RestApi.tenant(j.tenantId));
    return n;
  }

  private static ObjectNode decisionDefinition(Projections.DecisionDefinition x) {
    ObjectNode n = RestJson.MAPPER.createObjectNode();
    n.put("decisionDefinitionKey", RestApi.key(x.key));
    n.put("decisionDefinitionId", x.decisionId);
    n.put("name", x.name);
    n.put("version", x.version);
    n.put("decisionRequirementsId", x.decisionRequirementsId);
    n.put("decisionRequirementsKey", RestApi.key(x.decisionRequirementsKey));
    n.put("tenantId", RestApi.tenant(x.tenantId));
    return n;
  }

  private static ObjectNode decisionRequirements(Projections.DecisionRequirements x) {
    ObjectNode n = RestJson.MAPPER.createObjectNode();
    n.put("decisionRequirementsKey", RestApi.key(x.key));
    n.put("decisionRequirementsId", x.decisionRequirementsId);
    n.put("decisionRequirementsName", x.name);
    n.put("version", x.version);
    n.put("resourceName", x.resourceName);
    n.put("tenantId", RestApi.tenant(x.tenantId));
    return n;
  }

  private void search(RestRouter r, String path, Resource resource) {
    Set<String> known = resource.known();
    Set<String> supported = resource.supported();
    Set<String> sortable = properties(resource.resultType());
    r.add("POST", path, ex -> {
      SearchQuery query = SearchQuery.parse(ex.body(), known, supported, sortable);
      ex.answer(engine.search(p -> query.answer(resource.items().apply(p.data()), resource.hidden())), b -> b);
    });
  }

  private void get(RestRouter r, String path, String what, BiFunction<Data, Long, ObjectNode> read) {
    r.add("GET", path, ex -> {
      long key = ex.key("key");
      ex.answer(engine.search(p -> read.apply(p.data(), key)), body -> {
        if (body == null) {
          throw RestProblem.notFound(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " with key '" + key
              + "' not found");
        }
        return body;
      });
    });
  }

  // ---- items in response shape ----

  private static ObjectNode processInstance(Data d, Projections.ProcessInstance p) {
    ObjectNode n = RestJson.MAPPER.createObjectNode();
    n.put("processInstanceKey", RestApi.key(p.key));
    n.put("processDefinitionId", p.bpmnProcessId);
    n.put("processDefinitionName", p.processName == null ? p.bpmnProcessId : p.processName);
    n.put("processDefinitionVersion", p.version);
    n.put("processDefinitionKey", RestApi.key(p.processDefinitionKey));
    n.put("startDate", date(p.startDate));
    n.put("endDate", date(p.endDate));
    n.put("state", p.state);
    n.put("hasIncident", p.activeIncidents > 0);
    n.put("tenantId", RestApi.tenant(p.tenantId));
    n.put("parentProcessInstanceKey", optionalKey(p.parentProcessInstanceKey));
    n.put("parentElementInstanceKey", optionalKey(p.parentElementInstanceKey));
    n.putArray("tags");
    return n;
  }

  private static ObjectNode elementInstance(Data d, Projections.ElementInstance e) {
    ObjectNode n = RestJson.MAPPER.createObjectNode();
    n.put("elementInstanceKey", RestApi.key(e.key));
    n.put("processInstanceKey", RestApi.key(e.processInstanceKey));
    n.put("processDefinitionKey", RestApi.key(e.processDefinitionKey));
    n.put("processDefinitionId", e.bpmnProcessId);
    n.put("elementId", e.elementId);
    n.put("elementName", e.elementName == null ? e.elementId : e.elementName);
    n.put("type", e.type);
    n.put("state", e.state);
    n.put("startDate", date(e.startDate));
    n.put("endDate", date(e.endDate));
    n.put("hasIncident", e.incidentKey > 0);
    n.put("incidentKey", optionalKey(e.incidentKey));
    n.put("tenantId", RestApi.tenant(e.tenantId));
    n.put("elementInstanceScopeKey", optionalKey(e.flowScopeKey));
    return n;
  }

  private static ObjectNode variable(Projections.Variable v, boolean search) {
    ObjectNode n = RestJson.MAPPER.createObjectNode();
    n.put("variableKey", RestApi.key(v.key));
    n.put("name", v.name);
    n.put("value", v.value);
    n.put("scopeKey", RestApi.key(v.scopeKey));
    n.put("processInstanceKey", RestApi.key(v.processInstanceKey));
    n.put("tenantId", RestApi.tenant(v.tenantId));
    if (search) {
      n.put("isTruncated", false);
    }
    return n;
  }

  private static ObjectNode incident(Projections.Incident i) {
    ObjectNode n = RestJson.MAPPER.createObjectNode();
    n.put("incidentKey", RestApi.key(i.key));
    n.put("processDefinitionId", i.bpmnProcessId);
    n.put("processDefinitionKey", RestApi.key(i.processDefinitionKey));
    n.put("processInstanceKey", RestApi.key(i.processInstanceKey));
    n.put("errorType", i.errorType);
    n.put("errorMessage", i.errorMessage);
    n.put("elementId", i.elementId);
    n.put("elementInstanceKey", RestApi.key(i.elementInstanceKey));
    n.put("jobKey", optionalKey(i.jobKey));
    n.put("creationTime", date(i.creationTime));
    n.put("state", i.state);
    n.put("tenantId", RestApi.tenant(i.tenantId));
    return n;
  }

  private static ObjectNode userTask(Projections.UserTask t) {
    ObjectNode n = RestJson.MAPPER.createObjectNode();
    n.put("userTaskKey", RestApi.key(t.key));
    n.put("name", t.name == null ? t.elementId : t.name);
    n.put("state", t.state);
    n.put("assignee", t.assignee);
    n.put("elementId", t.elementId);
    ArrayNode groups = n.putArray("candidateGroups");
    t.candidateGroups.forEach(groups::add);
    ArrayNode users = n.putArray("candidateUsers");
    t.candidateUsers.forEach(users::add);
    n.put("processDefinitionId", t.bpmnProcessId);
    n.put("processName", t.processName == null ? t.bpmnProcessId : t.processName);
    n.put("creationDate", date(t.creationDate));
    n.put("completionDate", date(t.completionDate));
    n.put("followUpDate", t.followUpDate);
    n.put("dueDate", t.dueDate);
    n.put("tenantId", RestApi.tenant(t.tenantId));
    n.put("externalFormReference", t.externalFormReference);
    n.put("processDefinitionVersion", t.processDefinitionVersion);
    ObjectNode headers = n.putObject("customHeaders");
    t.customHeaders.forEach(headers::put);
    n.put("priority", t.priority);
    n.put("elementInstanceKey", RestApi.key(t.elementInstanceKey));
    n.put("processDefinitionKey", RestApi.key(t.processDefinitionKey));
    n.put("processInstanceKey", RestApi.key(t.processInstanceKey));
    n.put("formKey", optionalKey(t.formKey));
    // filter-only fields: one candidate each (array fields match when one element does)
    n.set("candidateGroup", groups.deepCopy());
    n.set("candidateUser", users.deepCopy());
    return n;
  }

  private static List<ObjectNode> processDefinitions(Data d) {
    Map<String, Integer> latest = new HashMap<>();
    for (Projections.ProcessDefinition p : d.processDefinitions.values()) {
      latest.merge(RestApi.tenant(p.tenantId) + "/" + p.bpmnProcessId, p.version, Math::max);
    }
    return map(d.processDefinitions.values(), p -> {
      ObjectNode n = processDefinition(p);
      n.put("isLatestVersion", latest.get(RestApi.tenant(p.tenantId) + "/" + p.bpmnProcessId) == p.version);
      return n;
    });
  }

  private static ObjectNode processDefinition(Projections.ProcessDefinition p) {
    ObjectNode n = RestJson.MAPPER.createObjectNode();
    n.put("processDefinitionKey", RestApi.key(p.key));
    n.put("processDefinitionId", p.bpmnProcessId);
    n.put("name", p.name == null ? p.bpmnProcessId : p.name);
    n.put("version", p.version);
    n.put("resourceName", p.resourceName);
    n.put("tenantId", RestApi.tenant(p.tenantId));
    n.put("hasStartForm", p.startFormId != null);
    n.put("versionTag", p.versionTag);
    return n;
  }

  private static ObjectNode decisionInstance(Projections.DecisionInstance x, boolean details) {
    ObjectNode n = RestJson.MAPPER.createObjectNode();
    n.put("decisionEvaluationInstanceKey", x.id);
    n.put("decisionEvaluationKey", RestApi.key(x.evaluationKey));
    n.put("state", x.state);
    n.put("evaluationDate", date(x.evaluationDate));
    n.put("evaluationFailure", x.failure);
    n.put("decisionDefinitionId", x.decisionId);
    n.put("decisionDefinitionName", x.decisionName);
    n.put("decisionDefinitionVersion", x.decisionVersion);
    n.put("decisionDefinitionType", x.decisionType == null ? "DECISION_TABLE" : x.decisionType);
    n.put("result", x.result);
    n.put("tenantId", RestApi.tenant(x.tenantId));
    n.put("processDefinitionKey", optionalKey(x.processDefinitionKey));
    n.put("processInstanceKey", optionalKey(x.processInstanceKey));
    n.put("decisionDefinitionKey", RestApi.key(x.decisionKey));
    n.put("elementInstanceKey", optionalKey(x.elementInstanceKey));
    if (details) {
      ArrayNode inputs = n.putArray("evaluatedInputs");
      x.inputs.forEach(i -> inputs.addObject().put("inputId", i.inputId()).put("inputName", i.inputName())
          .put("inputValue", i.inputValue()));
      ArrayNode rules = n.putArray("matchedRules");
      x.matchedRules.forEach(m -> {
        ObjectNode rule = rules.addObject().put("ruleId", m.ruleId()).put("ruleIndex", m.ruleIndex());
        ArrayNode outputs = rule.putArray("evaluatedOutputs");
        m.evaluatedOutputs().forEach(o -> outputs.addObject().put("outputId", o.outputId())
            .put("outputName", o.outputName()).put("outputValue", o.outputValue()));
      });
    }
    return n;
  }

  private static ObjectNode subscription(Projections.MessageSubscription s) {
    ObjectNode n = RestJson.MAPPER.createObjectNode();
    n.put("messageSubscriptionKey", RestApi.key(s.key));
    n.put("processDefinitionId", s.bpmnProcessId);
    n.put("processDefinitionKey", RestApi.key(s.processDefinitionKey));
    n.put("processInstanceKey", RestApi.key(s.processInstanceKey));
    n.put("elementId", s.elementId);
    n.put("elementInstanceKey", RestApi.key(s.elementInstanceKey));
    n.put("messageSubscriptionState", s.state);
    n.put("lastUpdatedDate", date(s.lastUpdatedDate));
    n.put("messageName", s.messageName);
    n.put("correlationKey", s.correlationKey);
    n.put("tenantId", RestApi.tenant(s.tenantId));
    return n;
  }

  private static ObjectNode correlated(Projections.CorrelatedSubscription c) {
    ObjectNode n = RestJson.MAPPER.createObjectNode();
    n.put("correlationKey", c.correlationKey);
    n.put("correlationTime", date(c.correlationTime));
    n.put("elementId", c.elementId);
    n.put("elementInstanceKey", RestApi.key(c.elementInstanceKey));
    n.put("messageKey", RestApi.key(c.messageKey));
    n.put("messageName", c.messageName);
    n.put("partitionId", 1);
    n.put("processDefinitionId", c.bpmnProcessId);
    n.put("processDefinitionKey", RestApi.key(c.processDefinitionKey));
    n.put("processInstanceKey", RestApi.key(c.processInstanceKey));
    n.put("subscriptionKey", RestApi.key(c.subscriptionKey));
    n.put("tenantId", RestApi.tenant(c.tenantId));
    return n;
  }

  // ---- plumbing ----

  private static <V> List<ObjectNode> map(Collection<V> values, Function<V, ObjectNode> item) {
    List<ObjectNode> items = new ArrayList<>(values.size());
    for (V v : values) {
      items.add(item.apply(v));
    }
    return items;
  }

  private static String date(long millis) {
    return millis < 0 ? null : DATE.format(Instant.ofEpochMilli(millis));
  }

  private static String optionalKey(long key) {
    return key > 0 ? RestApi.key(key) : null;
  }

  /** The JSON property names of a client DTO (its {@code JSON_PROPERTY_*} constants). */
  static Set<String> properties(Class<?> dto) {
    Set<String> names = new HashSet<>();
    for (Field f : dto.getFields()) {
      if (f.getName().startsWith("JSON_PROPERTY_") && Modifier.isStatic(f.getModifiers())) {
        try {
          names.add((String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return names;
  }
}
