package io.caseway.app.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import io.caseway.app.audit.AuditLog;
import io.caseway.app.casefile.CaseAccess;
import io.caseway.app.security.CasewayUser;
import io.caseway.app.security.CurrentUser;
import io.caseway.app.security.Role;
import io.caseway.app.shared.EngineRefusals;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The engine's user tasks as Caseway's people see them: each task belongs to the case named by its
 * process's {@code caseId} variable, and only someone who may change that case sees, opens, takes
 * or completes it. Everything goes through the Camunda REST API v2 (user task search, form,
 * variables, assignment and completion), so it works the same on the embedded engine and on a
 * Camunda 8 cluster. Opening a task reads the citizen's data, so it is audited like opening the case.
 */
@Service
public class CaseTasks {
  /** The candidate groups the processes use, by the Caseway role that works on them. */
  static final Map<Role, Set<String>> GROUPS = Map.of(
      Role.COACH, Set.of("caseworkers", "decision-makers"),
      Role.SOCIAL_WORKER, Set.of("caseworkers", "decision-makers", "interdisciplinary-unit"),
      Role.MANAGER, Set.of("managers"));
  /** How many tasks a search returns at most; a caseload's open tasks are far fewer. */
  private static final int PAGE = 500;
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** A task in a list. {@code mine}: assigned to the viewer; {@code assignee} null while nobody has taken it. */
  public record TaskSummary(long key, String name, String processName, UUID caseId, String assignee, boolean mine,
      OffsetDateTime created, OffsetDateTime due) {}

  /** An opened task: its summary, the process's own words about it, and its form filled with what the task has. */
  public record OpenTask(TaskSummary task, String elementId, String processId, FilledForm form,
      Map<String, Object> variables) {}

  /** What completing a task did: nothing, when the form has errors (shown again with them). */
  public record Completion(boolean completed, OpenTask task) {}

  private final CamundaClient camunda;
  private final CaseAccess access;
  private final CurrentUser currentUser;
  private final FormConditions conditions;
  private final ZoneId zone;

  CaseTasks(CamundaClient camunda, CaseAccess access, CurrentUser currentUser, FormConditions conditions,
      @Value("${caseway.pages.time-zone:#{T(java.time.ZoneId).systemDefault().id}}") String zone) {
    this.camunda = camunda;
    this.access = access;
    this.currentUser = currentUser;
    this.conditions = conditions;
    this.zone = ZoneId.of(zone);
  }

  /** The zone in which people type dates and times into forms. */
  public ZoneId zone() {
    return zone;
  }

  /**
   * The open tasks of these cases that the user's groups (or the user themselves) may work on,
   * those assigned to the user first, then the oldest first.
   */
  public List<TaskSummary> ofCases(CasewayUser me, Collection<UUID> caseIds) {
    if (caseIds.isEmpty()) {
      return List.of();
    }
    Map<Long, UUID> instances = instancesOf(caseIds);
    List<TaskSummary> tasks = new ArrayList<>();
    for (var instance : instances.entrySet()) {
      for (UserTask t : camunda.newUserTaskSearchRequest()
          .filter(f -> f.processInstanceKey(instance.getKey()).state(UserTaskState.CREATED))
          .page(p -> p.limit(PAGE)).send().join().items()) {
        if (mayWorkOn(me, t)) {
          tasks.add(summary(me, t, instance.getValue()));
        }
      }
    }
    tasks.sort(Comparator.comparing((TaskSummary t) -> !t.mine()).thenComparing(TaskSummary::created,
        Comparator.nullsLast(Comparator.naturalOrder())));
    return List.copyOf(tasks);
  }

  /**
   * The open tasks offered to a group the user is in, whatever case they are on (for managers, whose
   * tasks are the escalations of every team's journeys).
   */
  public List<TaskSummary> ofMyGroups(CasewayUser me) {
    Map<Long, Optional<UUID>> caseByInstance = new HashMap<>();
    List<TaskSummary> tasks = new ArrayList<>();
    for (String group : GROUPS.getOrDefault(me.role(), Set.of())) {
      for (UserTask t : camunda.newUserTaskSearchRequest()
          .filter(f -> f.candidateGroup(group).state(UserTaskState.CREATED)).page(p -> p.limit(PAGE)).send().join()
          .items()) {
        caseByInstance.computeIfAbsent(t.getProcessInstanceKey(), this::caseOf)
            .ifPresent(caseId -> tasks.add(summary(me, t, caseId)));
      }
    }
    tasks.sort(Comparator.comparing((TaskSummary t) -> !t.mine()).thenComparing(TaskSummary::created,
        Comparator.nullsLast(Comparator.naturalOrder())));
    return List.copyOf(tasks);
  }

  /** The open tasks of one case, whoever they are for (for the case page; the caller checked access). */
  public List<TaskSummary> ofCase(CasewayUser me, UUID caseId) {
    List<TaskSummary> tasks = new ArrayList<>();
    for (Long instance : instancesOf(List.of(caseId)).keySet()) {
      camunda.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(instance).state(UserTaskState.CREATED))
          .page(p -> p.limit(PAGE)).send().join().items().forEach(t -> tasks.add(summary(me, t, caseId)));
    }
    tasks.sort(Comparator.comparing(TaskSummary::created, Comparator.nullsLast(Comparator.naturalOrder())));
    return List.copyOf(tasks);
  }

  /** Opens a task with its form: the user must be allowed to change its case, and the read is audited. */
  public OpenTask open(long key) {
    Loaded task = load(key, AuditLog.Action.READ, "open");
    return task.open(task.form == null ? null : FilledForm.opened(task.form, task.variables, conditions, zone));
  }

  /** The form re-evaluated with the values being typed in (to show or hide conditional questions). */
  public OpenTask preview(long key, Map<String, List<String>> params) {
    Loaded task = load(key, AuditLog.Action.READ, "open");
    return task.open(task.form == null ? null
        : FilledForm.submitted(task.form, task.variables, params, conditions, zone));
  }

  /** Takes an unassigned task (or one already the user's). */
  public void claim(long key) {
    CasewayUser me = currentUser.require();
    UserTask t = task(key);
    require(me, t, AuditLog.Action.WRITE, "take the task \u201c" + t.getName() + "\u201d");
    refuseIfSomeoneElseHas(me, t, "This task was taken by " + t.getAssignee() + " in the meantime");
    assignToMe(me, key);
  }

  /** Gives a task back so someone else can take it. */
  public void release(long key) {
    CasewayUser me = currentUser.require();
    UserTask t = task(key);
    require(me, t, AuditLog.Action.WRITE, "give back the task \u201c" + t.getName() + "\u201d");
    refuseIfSomeoneElseHas(me, t, "Only " + t.getAssignee() + ", who has this task, can give it back");
    send(() -> camunda.newUnassignUserTaskCommand(key).send().join());
  }

  /**
   * Completes the task with the submitted form. A form with errors completes nothing and comes back
   * with the errors; a task nobody has taken is taken by the user first, one someone else has is refused.
   */
  public Completion complete(long key, Map<String, List<String>> params) {
    Loaded task = load(key, AuditLog.Action.WRITE, "complete");
    refuseIfSomeoneElseHas(task.me, task.t, "This task is with " + task.t.getAssignee() + "; only they can complete it");
    FilledForm filled = task.form == null ? null
        : FilledForm.submitted(task.form, task.variables, params, conditions, zone);
    OpenTask open = task.open(filled);
    if (filled != null && (!filled.isValid() || !task.form.unsupported().isEmpty())) {
      return new Completion(false, open);
    }
    if (task.t.getAssignee() == null) {
      assignToMe(task.me, key);
    }
    Map<String, Object> result = filled == null ? Map.of() : filled.variables();
    send(() -> camunda.newCompleteUserTaskCommand(key).variables(result).send().join());
    return new Completion(true, open);
  }

  /** A task read for its page: who asks, the task, its case (access checked and audited), variables and form. */
  private record Loaded(CasewayUser me, UserTask t, UUID caseId, Map<String, Object> variables, TaskForm form) {
    OpenTask open(FilledForm filled) {
      return new OpenTask(summary(me, t, caseId), t.getElementId(), t.getBpmnProcessId(), filled, variables);
    }
  }

  private Loaded load(long key, AuditLog.Action action, String verb) {
    CasewayUser me = currentUser.require();
    UserTask t = task(key);
    UUID caseId = require(me, t, action, verb + " the task \u201c" + t.getName() + "\u201d");
    return new Loaded(me, t, caseId, variables(key), form(key));
  }

  private static void refuseIfSomeoneElseHas(CasewayUser me, UserTask t, String message) {
    if (t.getAssignee() != null && !isMine(me, t.getAssignee())) {
      throw new TaskConflict(message);
    }
  }

  private void assignToMe(CasewayUser me, long key) {
    send(() -> camunda.newAssignUserTaskCommand(key).assignee(me.username()).allowOverride(false).send().join());
  }

  private UUID require(CasewayUser me, UserTask t, AuditLog.Action action, String purpose) {
    UUID caseId = caseOf(t.getProcessInstanceKey())
        .orElseThrow(() -> new TaskNotFound("Task " + t.getUserTaskKey() + " belongs to no case"));
    // a manager's tasks are escalations about a case (the form shows only its own fields), not changes to it
    CaseAccess.Need need = me.role() == Role.MANAGER ? CaseAccess.Need.READ : CaseAccess.Need.CHANGE;
    access.require(caseId, need, action, "user-task", t.getUserTaskKey(), purpose);
    if (!mayWorkOn(me, t)) {
      throw new TaskConflict("This task is for " + (t.getCandidateGroups().isEmpty() ? "someone else"
          : "the " + String.join(" or ", t.getCandidateGroups()) + " team") + "; it is not one of yours");
    }
    return caseId;
  }

  private UserTask task(long key) {
    try {
      UserTask t = camunda.newUserTaskGetRequest(key).send().join();
      if (t == null || t.getState() != UserTaskState.CREATED) {
        throw new TaskNotFound("Task " + key + " is done or was cancelled");
      }
      return t;
    } catch (ProblemException e) {
      if (e.code() == 404) {
        throw new TaskNotFound("No task " + key);
      }
      throw e;
    }
  }

  private TaskForm form(long key) {
    var form = camunda.newUserTaskGetFormRequest(key).send().join();
    if (form == null || form.getSchema() == null) {
      return null;
    }
    Object schema = form.getSchema();
    try {
      JsonNode node = schema instanceof String s ? JSON.readTree(s) : JSON.valueToTree(schema);
      return TaskForm.parse(node);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException("The form " + form.getFormId() + " of task " + key + " cannot be read: "
          + e.getMessage(), e);
    }
  }

  /** The variables the task sees (its own and its process's), as plain Java values. */
  private Map<String, Object> variables(long key) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Variable v : camunda.newUserTaskVariableSearchRequest(key).page(p -> p.limit(PAGE)).send().join().items()) {
      String json = Boolean.TRUE.equals(v.isTruncated())
          ? camunda.newVariableGetRequest(v.getVariableKey()).send().join().getValue() : v.getValue();
      values.put(v.getName(), parse(json));
    }
    return values;
  }

  private Map<Long, UUID> instancesOf(Collection<UUID> caseIds) {
    List<String> values = caseIds.stream().map(id -> "\"" + id + "\"").toList();
    Map<Long, UUID> instances = new HashMap<>();
    for (Variable v : camunda.newVariableSearchRequest()
        .filter(f -> f.name("caseId").value(p -> p.in(values))).page(p -> p.limit(PAGE)).send().join().items()) {
      Object id = parse(v.getValue());
      if (id instanceof String s) {
        instances.put(v.getProcessInstanceKey(), UUID.fromString(s));
      }
    }
    return instances;
  }

  private Optional<UUID> caseOf(long processInstanceKey) {
    return camunda.newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).name("caseId")).send().join().items().stream()
        .map(v -> parse(v.getValue())).filter(String.class::isInstance).map(String.class::cast)
        .map(CaseTasks::uuid).flatMap(Optional::stream).findFirst();
  }

  private static Optional<UUID> uuid(String s) {
    try {
      return Optional.of(UUID.fromString(s));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the task is for the user: assigned to them, or offered to one of their groups or to them
   * by name (or to nobody in particular). Who has taken it is checked where it matters (take, complete).
   */
  static boolean mayWorkOn(CasewayUser me, UserTask t) {
    if (t.getAssignee() != null && isMine(me, t.getAssignee())) {
      return true;
    }
    Set<String> mine = GROUPS.getOrDefault(me.role(), Set.of());
    boolean open = t.getCandidateGroups().isEmpty() && t.getCandidateUsers().isEmpty();
    return open || t.getCandidateGroups().stream().anyMatch(mine::contains)
        || t.getCandidateUsers().contains(me.username());
  }

  private static boolean isMine(CasewayUser me, String assignee) {
    return assignee.equals(me.username()) || (me.caseworkerId() != null && assignee.equals(me.caseworkerId().toString()));
  }

  private static TaskSummary summary(CasewayUser me, UserTask t, UUID caseId) {
    return new TaskSummary(t.getUserTaskKey(), t.getName(), t.getProcessName(), caseId, t.getAssignee(),
        t.getAssignee() != null && isMine(me, t.getAssignee()), t.getCreationDate(), t.getDueDate());
  }

  private static Object parse(String json) {
    try {
      return json == null ? null : JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      return json;
    }
  }

  private static void send(Runnable command) {
    try {
      command.run();
    } catch (ProblemException | ClientStatusException e) {
      throw new TaskConflict("The engine refused: " + EngineRefusals.reason(e));
    }
  }

  /** The task is not there (any more). */
  public static class TaskNotFound extends RuntimeException {
    TaskNotFound(String message) {
      super(message);
    }
  }

  /** The task cannot be worked on as asked: someone else has it, or the engine refused. */
  public static class TaskConflict extends RuntimeException {
    TaskConflict(String message) {
      super(message);
    }
  }
}
