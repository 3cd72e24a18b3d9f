package io.caseway.engine.model;

import io.caseway.engine.expression.Expression;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A flow node or container of a deployed process, with everything the engine needs to execute it,
 * expressions already compiled. Built once per deployment by {@link BpmnTransformer}; immutable after.
 */
public final class ExecutableElement {
  final String id;
  final String name;
  final BpmnElementType type;
  BpmnEventType eventType = BpmnEventType.UNSPECIFIED;
  ExecutableElement flowScope;
  final List<ExecutableSequenceFlow> outgoing = new ArrayList<>();
  final List<ExecutableSequenceFlow> incoming = new ArrayList<>();
  ExecutableSequenceFlow defaultFlow;
  List<Mapping> inputs = List.of();
  List<Mapping> outputs = List.of();

  // containers
  final List<ExecutableElement> children = new ArrayList<>();
  ExecutableElement noneStartEvent;
  final List<ExecutableElement> startEvents = new ArrayList<>();
  final List<ExecutableElement> eventSubProcesses = new ArrayList<>();

  // boundary events and the activities they are attached to
  final List<ExecutableElement> boundaryEvents = new ArrayList<>();
  ExecutableElement attachedTo;
  boolean interrupting = true;

  MultiInstance multiInstance;
  List<ExecutionListener> startListeners = List.of();
  List<ExecutionListener> endListeners = List.of();
  /** Task listeners of a Camunda user task, in model order; event types as in {@link TaskListeners}. */
  List<ExecutionListener> taskListeners = List.of();
  AdHoc adHoc;

  // event definitions
  TimerDefinition timer;
  MessageDefinition message;
  Expression errorCode;
  String linkName;
  Expression escalationCode;
  Expression signalName;
  ExecutableElement compensationHandler;
  ExecutableElement compensateActivity;
  String compensateActivityId;
  ExecutableElement linkTarget;

  // job-based tasks
  Expression jobType;
  Expression jobRetries;
  Map<String, String> taskHeaders = Map.of();

  // call activity
  Expression calledProcessId;
  boolean propagateAllChildVariables = true;
  boolean propagateAllParentVariables = true;
  String bindingType = "latest";
  String calledVersionTag;

  // business rule task with a called decision, and FEEL script task
  Expression decisionId;
  String resultVariable;
  Expression script;

  // Zeebe user task
  boolean zeebeUserTask;
  Expression assignee;
  Expression candidateGroups;
  Expression candidateUsers;
  Expression dueDate;
  Expression followUpDate;
  Expression priority;
  String formId;
  String formKey;
  String externalFormReference;

  ExecutableElement(String id, String name, BpmnElementType type) {
    this.id = id;
    this.name = name;
    this.type = type;
  }

  public String id() { return id; }
  public String name() { return name; }
  public BpmnElementType type() { return type; }
  public BpmnEventType eventType() { return eventType; }
  public ExecutableElement flowScope() { return flowScope; }
  public List<ExecutableSequenceFlow> outgoing() { return outgoing; }
  public List<ExecutableSequenceFlow> incoming() { return incoming; }
  public ExecutableSequenceFlow defaultFlow() { return defaultFlow; }
  public List<Mapping> inputs() { return inputs; }
  public List<Mapping> outputs() { return outputs; }
  /** The multi-instance characteristics, or null for a single activity. */
  public MultiInstance multiInstance() { return multiInstance; }
  /** Execution listeners that run, in order, before the element does its work. */
  public List<ExecutionListener> startListeners() { return startListeners; }
  /** Execution listeners that run, in order, before the element completes. */
  public List<ExecutionListener> endListeners() { return endListeners; }
  /** The task listeners of this user task for one event type (e.g. {@code COMPLETING}), in model order. */
  public List<ExecutionListener> taskListeners(String eventType) {
    return taskListeners.stream().filter(l -> l.eventType().equals(eventType)).toList();
  }
  /** The ad-hoc characteristics of an ad-hoc sub-process, or null. */
  public AdHoc adHoc() { return adHoc; }
  public List<ExecutableElement> children() { return children; }
  public ExecutableElement noneStartEvent() { return noneStartEvent; }
  public List<ExecutableElement> startEvents() { return startEvents; }
  /** The event sub-processes of a container (process or sub-process); each has one start event. */
  public List<ExecutableElement> eventSubProcesses() { return eventSubProcesses; }
  public List<ExecutableElement> boundaryEvents() { return boundaryEvents; }
  public ExecutableElement attachedTo() { return attachedTo; }
  public boolean interrupting() { return interrupting; }
  public TimerDefinition timer() { return timer; }
  public MessageDefinition message() { return message; }
  public Expression errorCode() { return errorCode; }
  /** The escalation code an escalation event throws or catches (null: a boundary that catches any). */
  public Expression escalationCode() { return escalationCode; }
  /** The signal an event throws or waits for. */
  public Expression signalName() { return signalName; }
  /** For an activity with a compensation boundary event: the activity that compensates it. */
  public ExecutableElement compensationHandler() { return compensationHandler; }
  /** For a compensation throw event with an activity reference: the one activity it compensates (else all). */
  public ExecutableElement compensateActivity() { return compensateActivity; }
  /** For a link throw event: the link catch event of the same name in the same scope, where the token goes on. */
  public ExecutableElement linkTarget() { return linkTarget; }
  public Expression jobType() { return jobType; }
  public Expression jobRetries() { return jobRetries; }
  public Map<String, String> taskHeaders() { return taskHeaders; }
  public Expression calledProcessId() { return calledProcessId; }
  public boolean propagateAllChildVariables() { return propagateAllChildVariables; }
  public boolean propagateAllParentVariables() { return propagateAllParentVariables; }
  public String bindingType() { return bindingType; }
  /** With binding {@code versionTag}: the version tag of the process version to call. */
  public String calledVersionTag() { return calledVersionTag; }
  public Expression decisionId() { return decisionId; }
  public String resultVariable() { return resultVariable; }
  public Expression script() { return script; }
  public boolean zeebeUserTask() { return zeebeUserTask; }
  public Expression assignee() { return assignee; }
  public Expression candidateGroups() { return candidateGroups; }
  public Expression candidateUsers() { return candidateUsers; }
  public Expression dueDate() { return dueDate; }
  public Expression followUpDate() { return followUpDate; }
  public Expression priority() { return priority; }
  public String formId() { return formId; }
  public String formKey() { return formKey; }
  public String externalFormReference() { return externalFormReference; }

  private volatile Set<String> upstream;

  /**
   * The ids of the elements in this element's flow scope from which a token can still reach it
   * (following sequence flows backwards, and from a boundary event to the activity it is attached
   * to), not passing through this element. An inclusive join waits while one of them is active.
   */
  public Set<String> upstream() {
    Set<String> result = upstream;
    if (result == null) {
      Set<String> seen = new HashSet<>();
      Deque<ExecutableElement> todo = new ArrayDeque<>();
      incoming.forEach(f -> todo.add(f.source()));
      while (!todo.isEmpty()) {
        ExecutableElement e = todo.pop();
        if (e == this || !seen.add(e.id)) {
          continue;
        }
        e.incoming.forEach(f -> todo.add(f.source()));
        if (e.attachedTo != null) {
          todo.add(e.attachedTo);
        }
      }
      result = Set.copyOf(seen);
      upstream = result;
    }
    return result;
  }

  public boolean isJobBased() {
    return jobType != null;
  }

  /** Whether this element waits for something (a job, a message, a timer, a child) after activation. */
  public boolean hasEventSubscriptions() {
    return timer != null || message != null || signalName != null || !boundaryEvents.isEmpty();
  }

  @Override
  public String toString() {
    return type + "[" + id + "]";
  }
}
