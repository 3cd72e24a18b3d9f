package io.caseway.engine.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caseway.engine.processing.RecordListener;
import io.caseway.engine.protocol.Record;
import io.caseway.engine.protocol.RecordType;
import io.caseway.engine.protocol.intent.DecisionEvaluationIntent;
import io.caseway.engine.protocol.intent.DecisionIntent;
import io.caseway.engine.protocol.intent.JobBatchIntent;
import io.caseway.engine.protocol.intent.JobIntent;
import io.caseway.engine.protocol.intent.DecisionRequirementsIntent;
import io.caseway.engine.protocol.intent.FormIntent;
import io.caseway.engine.protocol.intent.IncidentIntent;
import io.caseway.engine.protocol.intent.MessageSubscriptionIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.intent.ProcessIntent;
import io.caseway.engine.protocol.intent.PurgeIntent;
import io.caseway.engine.protocol.intent.UserTaskIntent;
import io.caseway.engine.protocol.intent.VariableIntent;
import io.caseway.engine.protocol.value.DecisionEvaluationRecord;
import io.caseway.engine.protocol.value.DecisionRecord;
import io.caseway.engine.protocol.value.JobBatchRecord;
import io.caseway.engine.protocol.value.JobRecord;
import io.caseway.engine.protocol.value.DecisionRequirementsRecord;
import io.caseway.engine.protocol.value.FormRecord;
import io.caseway.engine.protocol.value.IncidentRecord;
import io.caseway.engine.protocol.value.MessageSubscriptionRecord;
import io.caseway.engine.protocol.value.ProcessInstanceRecord;
import io.caseway.engine.protocol.value.ProcessRecord;
import io.caseway.engine.protocol.value.UserTaskRecord;
import io.caseway.engine.protocol.value.VariableRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The search read models (what Operate and Tasklist would show), kept from the committed record
 * stream: process definitions with their XML, process and element instances, variables, incidents,
 * user tasks, forms, decision instances, message subscriptions and taken sequence flows. Unlike
 * the engine state they keep finished things. Updated and read only on the processing thread, so
 * every search sees the view after a whole committed batch. Persisted beside each state snapshot
 * and rebuilt from the journal after it ({@link ProjectionStore}); see
 * docs/adr/0004-search-projections.md.
 */
public final class Projections implements RecordListener {
  static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Everything kept, as one serialisable object. */
  public static final class Data {
    public TreeMap<Long, ProcessDefinition> processDefinitions = new TreeMap<>();
    public TreeMap<Long, ProcessInstance> processInstances = new TreeMap<>();
    public TreeMap<Long, ElementInstance> elementInstances = new TreeMap<>();
    public TreeMap<Long, Variable> variables = new TreeMap<>();
    public TreeMap<Long, Incident> incidents = new TreeMap<>();
    public TreeMap<Long, UserTask> userTasks = new TreeMap<>();
    public TreeMap<Long, Form> forms = new TreeMap<>();
    public TreeMap<String, DecisionInstance> decisionInstances = new TreeMap<>();
    public TreeMap<Long, MessageSubscription> messageSubscriptions = new TreeMap<>();
    public List<CorrelatedSubscription> correlatedSubscriptions = new ArrayList<>();
    public TreeMap<Long, SequenceFlow> sequenceFlows = new TreeMap<>();
    public TreeMap<Long, DecisionDefinition> decisionDefinitions = new TreeMap<>();
    public TreeMap<Long, Job> jobs = new TreeMap<>();
    public TreeMap<Long, DecisionRequirements> decisionRequirements = new TreeMap<>();
    /** The key of the last purge (the change id Camunda Process Test waits for), or -1. */
    public long lastPurgeChangeId = -1;
    /** The timestamp of the newest event applied (the engine's clock, so time travel counts). */
    public long lastTimestamp;
    /** Position of the last record applied. */
    public long position;
  }

  public static final class ProcessDefinition {
    public long key;
    public String bpmnProcessId;
    public String name;
    public int version;
    public String resourceName;
    public String tenantId;
    public String xml;
    public Map<String, String> elementNames = new HashMap<>();
    /** The {@code formId} linked to the process's none start event (a start form), or null. */
    public String startFormId;
    /** The process's {@code zeebe:versionTag}, or null. */
    public String versionTag;
  }

  public static final class Job {
    public long key;
    public String type;
    public String worker;
    public String state;
    public int retries;
    public long deadline = -1;
    public long endTime = -1;
    public String errorMessage;
    public String errorCode;
    public boolean failedWithRetriesLeft;
    public Map<String, String> customHeaders = Map.of();
    public String elementId;
    public long elementInstanceKey;
    public long processInstanceKey;
    public long processDefinitionKey;
    public String bpmnProcessId;
    public String tenantId;
  }

  public static final class DecisionDefinition {
    public long key;
    public String decisionId;
    public String name;
    public int version;
    public String decisionRequirementsId;
    public long decisionRequirementsKey;
    public String tenantId;
  }

  public static final class DecisionRequirements {
    public long key;
    public String decisionRequirementsId;
    public String name;
    public int version;
    public String resourceName;
    public String tenantId;
    public String xml;
  }

  public static final class ProcessInstance {
    public long key;
    public String bpmnProcessId;
    public String processName;
    public long processDefinitionKey;
    public int version;
    public String state;
    public long startDate;
    public long endDate = -1;
    public int activeIncidents;
    public long parentProcessInstanceKey = -1;
    public long parentElementInstanceKey = -1;
    public String tenantId;
  }

  public static final class ElementInstance {
    public long key;
    public String elementId;
    public String elementName;
    public String type;
    public String state;
    public long startDate;
    public long endDate = -1;
    public long incidentKey = -1;
    public long flowScopeKey = -1;
    public long processInstanceKey;
    public long processDefinitionKey;
    public String bpmnProcessId;
    public String tenantId;
  }

  public static final class Variable {
    public long key;
    public String name;
    public String value;
    public long scopeKey;
    public long processInstanceKey;
    public String tenantId;
  }

  public static final class Incident {
    public long key;
    public String errorType;
    public String errorMessage;
    public String elementId;
    public long elementInstanceKey;
    public long jobKey;
    public long processInstanceKey;
    public long processDefinitionKey;
    public String bpmnProcessId;
    public String state;
    public long creationTime;
    public String tenantId;
  }

  public static final class UserTask {
    public long key;
    public String name;
    public String state;
    public String assignee;
    public List<String> candidateGroups = List.of();
    public List<String> candidateUsers = List.of();
    public String dueDate;
    public String followUpDate;
    public int priority;
    public long formKey = -1;
    public String externalFormReference;
    public Map<String, String> customHeaders = Map.of();
    public String elementId;
    public long elementInstanceKey;
    public long processInstanceKey;
    public long processDefinitionKey;
    public String bpmnProcessId;
    public String processName;
    public int processDefinitionVersion;
    public long creationDate;
    public long completionDate = -1;
    public String tenantId;
  }

  public static final class Form {
    public long key;
    public String formId;
    public int version;
    public String schema;
    public String tenantId;
  }

  public static final class DecisionInstance {
    public String id;
    public long evaluationKey;
    public String state;
    public long evaluationDate;
    public String failure;
    public String decisionId;
    public String decisionName;
    public int decisionVersion;
    public String decisionType;
    public String result;
    public long decisionKey;
    public long processDefinitionKey = -1;
    public long processInstanceKey = -1;
    public long elementInstanceKey = -1;
    public String tenantId;
    public List<DecisionEvaluationRecord.EvaluatedInput> inputs = List.of();
    public List<DecisionEvaluationRecord.MatchedRule> matchedRules = List.of();
  }

  public static final class MessageSubscription {
    public long key;
    public String bpmnProcessId;
    public long processDefinitionKey;
    public long processInstanceKey;
    public String elementId;
    public long elementInstanceKey;
    public String state;
    public long lastUpdatedDate;
    public String messageName;
    public String correlationKey;
    public String tenantId;
  }

  public static final class CorrelatedSubscription {
    public long subscriptionKey;
    public long messageKey;
    public String messageName;
    public String correlationKey;
    public long correlationTime;
    public String elementId;
    public long elementInstanceKey;
    public long processInstanceKey;
    public long processDefinitionKey;
    public String bpmnProcessId;
    public String tenantId;
  }

  public static final class SequenceFlow {
    public long key;
    public String flowId;
    public long processInstanceKey;
    public long processDefinitionKey;
    public String bpmnProcessId;
    public String tenantId;
  }

  private Data data = new Data();

  public Data data() {
    return data;
  }

  /** Forgets everything (a purge, or before a rebuild). */
  public void reset() {
    long purge = data.lastPurgeChangeId;
    data = new Data();
    data.lastPurgeChangeId = purge;
  }

  /**
   * How much finished history the searches keep: finished process instances (with everything that
   * belongs to them) are dropped once they ended more than {@code maxAge} ago, and beyond the
   * {@code maxFinishedInstances} newest. Running instances are always kept.
   */
  public record Retention(int maxFinishedInstances, java.time.Duration maxAge) {
    public static final Retention DEFAULT = new Retention(10_000, java.time.Duration.ofDays(30));
  }

  private Retention retention = Retention.DEFAULT;

  public void setRetention(Retention retention) {
    this.retention = retention;
  }

  /**
   * Drops finished history beyond the retention. A finished instance goes together with the
   * instances its call activities started; an instance whose parent still runs stays.
   *
   * @return how many process instances were dropped
   */
  public int evictHistory() {
    long cutoff = data.lastTimestamp - retention.maxAge().toMillis();
    List<ProcessInstance> finishedRoots = new ArrayList<>();
    Map<Long, List<Long>> children = new HashMap<>();
    for (ProcessInstance pi : data.processInstances.values()) {
      boolean root = pi.parentProcessInstanceKey <= 0 || !data.processInstances.containsKey(pi.parentProcessInstanceKey);
      if (root && !"ACTIVE".equals(pi.state)) {
        finishedRoots.add(pi);
      } else if (!root) {
        children.computeIfAbsent(pi.parentProcessInstanceKey, k -> new ArrayList<>()).add(pi.key);
      }
    }
    finishedRoots.sort(java.util.Comparator.comparingLong((ProcessInstance pi) -> pi.endDate).reversed());
    java.util.Set<Long> evicted = new java.util.HashSet<>();
    for (int n = 0; n < finishedRoots.size(); n++) {
      ProcessInstance pi = finishedRoots.get(n);
      if (n >= retention.maxFinishedInstances() || pi.endDate < cutoff) {
        java.util.ArrayDeque<Long> todo = new java.util.ArrayDeque<>(List.of(pi.key));
        while (!todo.isEmpty()) {
          long k = todo.pop();
          if (evicted.add(k)) {
            todo.addAll(children.getOrDefault(k, List.of()));
          }
        }
      }
    }
    if (evicted.isEmpty()) {
      return 0;
    }
    data.processInstances.keySet().removeAll(evicted);
    data.elementInstances.values().removeIf(x -> evicted.contains(x.processInstanceKey));
    data.variables.values().removeIf(x -> evicted.contains(x.processInstanceKey));
    data.incidents.values().removeIf(x -> evicted.contains(x.processInstanceKey));
    data.userTasks.values().removeIf(x -> evicted.contains(x.processInstanceKey));
    data.jobs.values().removeIf(x -> evicted.contains(x.processInstanceKey));
    data.sequenceFlows.values().removeIf(x -> evicted.contains(x.processInstanceKey));
    data.messageSubscriptions.values().removeIf(x -> evicted.contains(x.processInstanceKey));
    data.correlatedSubscriptions.removeIf(x -> evicted.contains(x.processInstanceKey));
    data.decisionInstances.values().removeIf(x -> evicted.contains(x.processInstanceKey));
    return evicted.size();
  }

  /** Writes the data as JSON to {@code out}, leaving the stream open. */
  void write(java.io.OutputStream out) throws IOException {
    JSON.writer().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, data);
  }

  void read(byte[] bytes) throws IOException {
    data = JSON.readValue(bytes, Data.class);
  }

  @Override
  public void onRecords(List<Record> records) {
    for (Record r : records) {
      apply(r);
    }
  }

  public void apply(Record r) {
    if (r.recordType() != RecordType.EVENT) {
      return;
    }
    data.position = r.position();
    data.lastTimestamp = Math.max(data.lastTimestamp, r.timestamp());
    long key = r.key();
    long time = r.timestamp();
    switch (r.intent()) {
      case PurgeIntent i when i == PurgeIntent.PURGED -> {
        data = new Data();
        data.lastPurgeChangeId = key;
        data.position = r.position();
      }
      case ProcessIntent i when i == ProcessIntent.CREATED -> {
        ProcessRecord p = r.valueAs(ProcessRecord.class);
        ProcessDefinition d = new ProcessDefinition();
        d.key = p.processDefinitionKey();
        d.bpmnProcessId = p.bpmnProcessId();
        d.version = p.version();
        d.resourceName = p.resourceName();
        d.tenantId = p.tenantId();
        d.xml = p.resource();
        names(d);
        data.processDefinitions.put(d.key, d);
      }
      case ProcessIntent i when i == ProcessIntent.DELETED ->
          data.processDefinitions.remove(r.valueAs(ProcessRecord.class).processDefinitionKey());
      case DecisionRequirementsIntent i when i == DecisionRequirementsIntent.CREATED -> {
        DecisionRequirementsRecord v = r.valueAs(DecisionRequirementsRecord.class);
        DecisionRequirements d = new DecisionRequirements();
        d.key = v.decisionRequirementsKey();
        d.decisionRequirementsId = v.decisionRequirementsId();
        d.name = v.decisionRequirementsName();
        d.version = v.version();
        d.resourceName = v.resourceName();
        d.tenantId = v.tenantId();
        d.xml = v.resource();
        data.decisionRequirements.put(d.key, d);
      }
      case DecisionRequirementsIntent i when i == DecisionRequirementsIntent.DELETED ->
          data.decisionRequirements.remove(r.valueAs(DecisionRequirementsRecord.class).decisionRequirementsKey());
      case DecisionIntent i when i == DecisionIntent.CREATED -> {
        DecisionRecord v = r.valueAs(DecisionRecord.class);
        DecisionDefinition d = new DecisionDefinition();
        d.key = v.decisionKey();
        d.decisionId = v.decisionId();
        d.name = v.decisionName();
        d.version = v.version();
        d.decisionRequirementsId = v.decisionRequirementsId();
        d.decisionRequirementsKey = v.decisionRequirementsKey();
        d.tenantId = v.tenantId();
        data.decisionDefinitions.put(d.key, d);
      }
      case DecisionIntent i when i == DecisionIntent.DELETED ->
          data.decisionDefinitions.remove(r.valueAs(DecisionRecord.class).decisionKey());
      case FormIntent i when i == FormIntent.DELETED -> data.forms.remove(r.valueAs(FormRecord.class).formKey());
      case FormIntent i when i == FormIntent.CREATED -> {
        FormRecord f = r.valueAs(FormRecord.class);
        Form form = new Form();
        form.key = f.formKey();
        form.formId = f.formId();
        form.version = f.version();
        form.schema = f.resource();
        form.tenantId = f.tenantId();
        data.forms.put(form.key, form);
      }
      case ProcessInstanceIntent i -> processInstance(i, key, time, r.valueAs(ProcessInstanceRecord.class));
      case VariableIntent i -> {
        VariableRecord v = r.valueAs(VariableRecord.class);
        Variable variable = data.variables.computeIfAbsent(key, k -> new Variable());
        variable.key = key;
        variable.name = v.name();
        variable.value = v.value();
        variable.scopeKey = v.scopeKey();
        variable.processInstanceKey = v.processInstanceKey();
        variable.tenantId = v.tenantId();
      }
      case IncidentIntent i -> incident(i, key, time, r.valueAs(IncidentRecord.class));
      case JobIntent i -> job(i, key, time, r.valueAs(JobRecord.class));
      case JobBatchIntent i when i == JobBatchIntent.ACTIVATED -> {
        JobBatchRecord batch = r.valueAs(JobBatchRecord.class);
        for (int n = 0; n < batch.jobKeys().size(); n++) {
          Job job = data.jobs.get(batch.jobKeys().get(n));
          if (job != null) {
            job.worker = batch.worker();
            job.deadline = batch.jobs().get(n).deadline();
          }
        }
      }
      case UserTaskIntent i -> userTask(i, key, time, r.valueAs(UserTaskRecord.class));
      case DecisionEvaluationIntent i when i != DecisionEvaluationIntent.EVALUATE ->
          decision(i, key, time, r.valueAs(DecisionEvaluationRecord.class));
      case MessageSubscriptionIntent i -> subscription(i, key, time, r.valueAs(MessageSubscriptionRecord.class));
      default -> { }
    }
  }

  private void job(JobIntent i, long key, long time, JobRecord v) {
    Job job = data.jobs.get(key);
    if (i == JobIntent.CREATED || job == null) {
      job = new Job();
      job.key = key;
      job.type = v.type();
      job.customHeaders = v.customHeaders() == null ? Map.of() : v.customHeaders();
      job.elementId = v.elementId();
      job.elementInstanceKey = v.elementInstanceKey();
      job.processInstanceKey = v.processInstanceKey();
      job.processDefinitionKey = v.processDefinitionKey();
      job.bpmnProcessId = v.bpmnProcessId();
      job.tenantId = v.tenantId();
      data.jobs.put(key, job);
    }
    job.retries = v.retries();
    switch (i) {
      case CREATED -> job.state = "CREATED";
      case COMPLETED, CANCELED, ERROR_THROWN -> {
        job.state = i.name();
        job.endTime = time;
        if (i == JobIntent.ERROR_THROWN) {
          job.errorCode = v.errorCode();
          job.errorMessage = v.errorMessage();
        }
      }
      case FAILED -> {
        job.state = "FAILED";
        job.errorMessage = v.errorMessage();
        job.failedWithRetriesLeft = v.retries() > 0;
        job.deadline = -1;
      }
      case TIMED_OUT -> {
        job.state = "TIMED_OUT";
        job.deadline = -1;
      }
      case RETRIES_UPDATED -> job.state = "RETRIES_UPDATED";
      case TIMEOUT_UPDATED -> job.deadline = v.deadline();
      default -> { }
    }
  }

  private void processInstance(ProcessInstanceIntent i, long key, long time, ProcessInstanceRecord v) {
    if (i == ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN) {
      SequenceFlow f = new SequenceFlow();
      f.key = key;
      f.flowId = v.elementId();
      f.processInstanceKey = v.processInstanceKey();
      f.processDefinitionKey = v.processDefinitionKey();
      f.bpmnProcessId = v.bpmnProcessId();
      f.tenantId = v.tenantId();
      data.sequenceFlows.put(key, f);
      return;
    }
    boolean process = "PROCESS".equals(v.bpmnElementType());
    ProcessDefinition definition = data.processDefinitions.get(v.processDefinitionKey());
    switch (i) {
      case ELEMENT_ACTIVATING -> {
        ElementInstance e = new ElementInstance();
        e.key = key;
        e.elementId = v.elementId();
        e.elementName = definition == null ? null : definition.elementNames.get(v.elementId());
        e.type = v.bpmnElementType();
        e.state = "ACTIVE";
        e.startDate = time;
        e.flowScopeKey = v.flowScopeKey();
        e.processInstanceKey = v.processInstanceKey();
        e.processDefinitionKey = v.processDefinitionKey();
        e.bpmnProcessId = v.bpmnProcessId();
        e.tenantId = v.tenantId();
        data.elementInstances.put(key, e);
        if (process) {
          ProcessInstance p = new ProcessInstance();
          p.key = key;
          p.bpmnProcessId = v.bpmnProcessId();
          p.processName = definition == null ? null : definition.name;
          p.processDefinitionKey = v.processDefinitionKey();
          p.version = v.version();
          p.state = "ACTIVE";
          p.startDate = time;
          p.parentProcessInstanceKey = v.parentProcessInstanceKey();
          p.parentElementInstanceKey = v.parentElementInstanceKey();
          p.tenantId = v.tenantId();
          data.processInstances.put(key, p);
        }
      }
      case ELEMENT_COMPLETED, ELEMENT_TERMINATED -> {
        String state = i == ProcessInstanceIntent.ELEMENT_COMPLETED ? "COMPLETED" : "TERMINATED";
        ElementInstance e = data.elementInstances.get(key);
        if (e != null) {
          e.state = state;
          e.endDate = time;
        }
        ProcessInstance p = process ? data.processInstances.get(key) : null;
        if (p != null) {
          p.state = state;
          p.endDate = time;
        }
      }
      default -> { }
    }
  }

  private void incident(IncidentIntent i, long key, long time, IncidentRecord v) {
    if (i == IncidentIntent.CREATED) {
      Incident incident = new Incident();
      incident.key = key;
      incident.errorType = v.errorType();
      incident.errorMessage = v.errorMessage();
      incident.elementId = v.elementId();
      incident.elementInstanceKey = v.elementInstanceKey();
      incident.jobKey = v.jobKey();
      incident.processInstanceKey = v.processInstanceKey();
      incident.processDefinitionKey = v.processDefinitionKey();
      incident.bpmnProcessId = v.bpmnProcessId();
      incident.state = "ACTIVE";
      incident.creationTime = time;
      incident.tenantId = v.tenantId();
      data.incidents.put(key, incident);
      ElementInstance e = data.elementInstances.get(v.elementInstanceKey());
      if (e != null) {
        e.incidentKey = key;
      }
      ProcessInstance p = data.processInstances.get(v.processInstanceKey());
      if (p != null) {
        p.activeIncidents++;
      }
    } else if (i == IncidentIntent.RESOLVED) {
      Incident incident = data.incidents.get(key);
      if (incident != null && "ACTIVE".equals(incident.state)) {
        incident.state = "RESOLVED";
        ElementInstance e = data.elementInstances.get(incident.elementInstanceKey);
        if (e != null && e.incidentKey == key) {
          e.incidentKey = -1;
        }
        ProcessInstance p = data.processInstances.get(incident.processInstanceKey);
        if (p != null && p.activeIncidents > 0) {
          p.activeIncidents--;
        }
      }
    }
  }

  private void userTask(UserTaskIntent i, long key, long time, UserTaskRecord v) {
    switch (i) {
      case CREATED -> {
        UserTask t = new UserTask();
        t.key = key;
        ProcessDefinition definition = data.processDefinitions.get(v.processDefinitionKey());
        t.name = definition == null ? null : definition.elementNames.get(v.elementId());
        t.processName = definition == null ? null : definition.name;
        t.state = "CREATED";
        t.formKey = v.formKey();
        t.externalFormReference = v.externalFormReference();
        t.customHeaders = v.customHeaders() == null ? Map.of() : Map.copyOf(v.customHeaders());
        t.elementId = v.elementId();
        t.elementInstanceKey = v.elementInstanceKey();
        t.processInstanceKey = v.processInstanceKey();
        t.processDefinitionKey = v.processDefinitionKey();
        t.bpmnProcessId = v.bpmnProcessId();
        t.processDefinitionVersion = v.processDefinitionVersion();
        t.creationDate = time;
        t.tenantId = v.tenantId();
        copyAttributes(t, v);
        data.userTasks.put(key, t);
      }
      case ASSIGNED, UPDATED -> {
        UserTask t = data.userTasks.get(key);
        if (t != null) {
          copyAttributes(t, v);
        }
      }
      case COMPLETED, CANCELED -> {
        UserTask t = data.userTasks.get(key);
        if (t != null) {
          t.state = i == UserTaskIntent.COMPLETED ? "COMPLETED" : "CANCELED";
          t.completionDate = time;
        }
      }
      default -> { }
    }
  }

  private static void copyAttributes(UserTask t, UserTaskRecord v) {
    t.assignee = v.assignee() == null || v.assignee().isEmpty() ? null : v.assignee();
    t.candidateGroups = v.candidateGroups() == null ? List.of() : List.copyOf(v.candidateGroups());
    t.candidateUsers = v.candidateUsers() == null ? List.of() : List.copyOf(v.candidateUsers());
    t.dueDate = v.dueDate() == null || v.dueDate().isEmpty() ? null : v.dueDate();
    t.followUpDate = v.followUpDate() == null || v.followUpDate().isEmpty() ? null : v.followUpDate();
    t.priority = v.priority() < 0 ? 50 : v.priority();
  }

  private void decision(DecisionEvaluationIntent i, long key, long time, DecisionEvaluationRecord v) {
    List<DecisionEvaluationRecord.EvaluatedDecision> evaluated = v.evaluatedDecisions() == null ? List.of()
        : v.evaluatedDecisions();
    if (evaluated.isEmpty()) {
      DecisionInstance d = decisionInstance(key, 1, time, v);
      d.state = i == DecisionEvaluationIntent.FAILED ? "FAILED" : "EVALUATED";
      d.decisionKey = v.decisionKey();
      d.decisionId = v.decisionId();
      d.decisionName = v.decisionName();
      d.decisionVersion = v.decisionVersion();
      d.result = v.decisionOutput();
      return;
    }
    for (int n = 0; n < evaluated.size(); n++) {
      DecisionEvaluationRecord.EvaluatedDecision e = evaluated.get(n);
      DecisionInstance d = decisionInstance(key, n + 1, time, v);
      boolean failedHere = i == DecisionEvaluationIntent.FAILED && e.decisionId() != null
          && e.decisionId().equals(v.failedDecisionId());
      d.state = failedHere ? "FAILED" : "EVALUATED";
      if (!failedHere) {
        d.failure = null;
      }
      d.decisionKey = e.decisionKey();
      d.decisionId = e.decisionId();
      d.decisionName = e.decisionName();
      d.decisionVersion = e.decisionVersion();
      d.decisionType = e.decisionType();
      d.result = e.decisionOutput();
      d.inputs = e.evaluatedInputs() == null ? List.of() : List.copyOf(e.evaluatedInputs());
      d.matchedRules = e.matchedRules() == null ? List.of() : List.copyOf(e.matchedRules());
    }
  }

  private DecisionInstance decisionInstance(long key, int index, long time, DecisionEvaluationRecord v) {
    DecisionInstance d = new DecisionInstance();
    d.id = key + "-" + index;
    d.evaluationKey = key;
    d.evaluationDate = time;
    d.failure = v.failureMessage();
    d.processDefinitionKey = v.processDefinitionKey();
    d.processInstanceKey = v.processInstanceKey();
    d.elementInstanceKey = v.elementInstanceKey();
    d.tenantId = v.tenantId();
    data.decisionInstances.put(d.id, d);
    return d;
  }

  private void subscription(MessageSubscriptionIntent i, long key, long time, MessageSubscriptionRecord v) {
    MessageSubscription s = data.messageSubscriptions.computeIfAbsent(key, k -> new MessageSubscription());
    s.key = key;
    s.bpmnProcessId = v.bpmnProcessId();
    s.processDefinitionKey = v.processDefinitionKey();
    s.processInstanceKey = v.processInstanceKey();
    s.elementId = v.elementId();
    s.elementInstanceKey = v.elementInstanceKey();
    s.messageName = v.messageName();
    s.correlationKey = v.correlationKey();
    s.tenantId = v.tenantId();
    s.lastUpdatedDate = time;
    s.state = i.name();
    if (i == MessageSubscriptionIntent.CORRELATED) {
      CorrelatedSubscription c = new CorrelatedSubscription();
      c.subscriptionKey = key;
      c.messageKey = v.messageKey();
      c.messageName = v.messageName();
      c.correlationKey = v.correlationKey();
      c.correlationTime = time;
      c.elementId = v.elementId();
      c.elementInstanceKey = v.elementInstanceKey();
      c.processInstanceKey = v.processInstanceKey();
      c.processDefinitionKey = v.processDefinitionKey();
      c.bpmnProcessId = v.bpmnProcessId();
      c.tenantId = v.tenantId();
      data.correlatedSubscriptions.add(c);
    }
  }

  /** Reads the process name and the names of its elements from the BPMN XML (ids without a name are left out). */
  private static void names(ProcessDefinition d) {
    if (d.xml == null) {
      return;
    }
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
          d.xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      NodeList all = document.getElementsByTagNameNS("*", "*");
      for (int n = 0; n < all.getLength(); n++) {
        Element e = (Element) all.item(n);
        String id = e.getAttribute("id");
        String name = e.getAttribute("name");
        if (id.isEmpty() || name.isEmpty()) {
          continue;
        }
        d.elementNames.putIfAbsent(id, name);
        if ("process".equals(e.getLocalName()) && id.equals(d.bpmnProcessId)) {
          d.name = name;
        }
      }
      NodeList tags = document.getElementsByTagNameNS("*", "versionTag");
      for (int n = 0; n < tags.getLength(); n++) {
        Element tag = (Element) tags.item(n);
        org.w3c.dom.Node owner = tag.getParentNode() == null ? null : tag.getParentNode().getParentNode();
        if (owner instanceof Element process && "process".equals(process.getLocalName())
            && d.bpmnProcessId.equals(process.getAttribute("id")) && !tag.getAttribute("value").isBlank()) {
          d.versionTag = tag.getAttribute("value").strip();
        }
      }
      NodeList forms = document.getElementsByTagNameNS("*", "formDefinition");
      for (int n = 0; n < forms.getLength(); n++) {
        Element form = (Element) forms.item(n);
        org.w3c.dom.Node start = form.getParentNode() == null ? null : form.getParentNode().getParentNode();
        org.w3c.dom.Node process = start == null ? null : start.getParentNode();
        if (start != null && "startEvent".equals(start.getLocalName()) && process != null
            && "process".equals(process.getLocalName()) && !form.getAttribute("formId").isEmpty()) {
          d.startFormId = form.getAttribute("formId");
        }
      }
    } catch (Exception e) {
      // names are cosmetic: a model the engine accepted but this parser does not is shown without them
    }
  }
}
