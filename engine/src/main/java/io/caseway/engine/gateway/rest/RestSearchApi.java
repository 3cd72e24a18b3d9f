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
    r.add("GET", "/v2/process-definitions/{key}/xml", ex -> {
      long key = ex.key("key");
      ex.answer(engine.search(p -> {
        Projections.ProcessDefinition d = p.data().processDefinitions.get(key);
        return d == null ? null : d.xml;
      }), xml -> {
        if (xml == null) {
          throw RestProblem.notFound("Process definition with key '" + key + "' not found");
        }
        ex.text("text/xml", xml);
        return null;
      });
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
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        if (f != null) {
          n.put("formKey", RestApi.key(f.key));
          n.put("formId", f.formId);
          n.put("version", f.version);
          n.put("schema", f.schema);
          n.put("tenantId", RestApi.tenant(f.tenantId));
        }
        return n;
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
    n.put("hasStartForm", false);
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
