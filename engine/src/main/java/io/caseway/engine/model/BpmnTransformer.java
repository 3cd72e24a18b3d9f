package io.caseway.engine.model;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.ManualTask;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.Task;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import io.caseway.engine.expression.Expression;
import io.caseway.engine.expression.ExpressionLanguage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.camunda.bpm.model.xml.validation.ValidationResults;

/**
 * Reads a BPMN resource with zeebe-bpmn-model, validates it (Zeebe's design-time rules, then the
 * engine's own: expressions that compile, elements the engine supports) and builds the executable
 * model. Problems are collected per element id so a deployment can name every one of them.
 */
public final class BpmnTransformer {

  private final ExpressionLanguage el;

  public BpmnTransformer(ExpressionLanguage el) {
    this.el = el;
  }

  /** The processes of one resource, or the problems found in it (never both). */
  public record Result(List<ExecutableProcess> processes, List<String> problems) {
    public boolean failed() {
      return !problems.isEmpty();
    }
  }

  public Result transform(String resourceName, byte[] xml) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
    } catch (RuntimeException e) {
      return new Result(List.of(), List.of("'" + resourceName + "' is not readable BPMN XML: " + rootMessage(e)));
    }
    List<String> problems = new ArrayList<>();
    ValidationResults validation = model.validate(ZeebeDesignTimeValidators.VALIDATORS);
    for (Map.Entry<ModelElementInstance, List<ValidationResult>> entry : validation.getResults().entrySet()) {
      for (ValidationResult r : entry.getValue()) {
        if (r.getType() == ValidationResultType.ERROR) {
          problems.add("Element '" + elementId(entry.getKey()) + "': " + r.getMessage());
        }
      }
    }
    if (!problems.isEmpty()) {
      return new Result(List.of(), problems);
    }
    List<ExecutableProcess> processes = new ArrayList<>();
    for (Process p : model.getModelElementsByType(Process.class)) {
      if (!p.isExecutable()) {
        continue;
      }
      Builder b = new Builder(problems);
      b.taskListeners(p, null);
      ExecutableElement root = new ExecutableElement(p.getId(), p.getName(), BpmnElementType.PROCESS);
      b.executionListeners(p, root);
      b.elements.put(root.id, root);
      b.container(root, p.getFlowElements());
      b.compensation(p);
      var versionTag = p.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag.class);
      processes.add(new ExecutableProcess(p.getId(), p.getName(), root, b.elements, b.flows,
          versionTag == null || versionTag.getValue() == null || versionTag.getValue().isBlank() ? null
              : versionTag.getValue().strip()));
    }
    if (processes.isEmpty() && problems.isEmpty()) {
      problems.add("'" + resourceName + "' contains no executable process (set isExecutable=\"true\")");
    }
    return problems.isEmpty() ? new Result(processes, List.of()) : new Result(List.of(), problems);
  }

  private static String elementId(ModelElementInstance e) {
    if (e instanceof BaseElement be && be.getId() != null) {
      return be.getId();
    }
    return e.getElementType().getTypeName();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : t.toString();
  }

  private final class Builder {
    final Map<String, ExecutableElement> elements = new LinkedHashMap<>();
    final Map<String, ExecutableSequenceFlow> flows = new LinkedHashMap<>();
    final List<String> problems;

    Builder(List<String> problems) {
      this.problems = problems;
    }

    void problem(BaseElement e, String message) {
      problem(e.getId(), message);
    }

    void problem(String elementId, String message) {
      problems.add("Element '" + elementId + "': " + message);
    }

    Expression expr(BaseElement owner, String attribute, String text) {
      if (text == null || text.isBlank()) {
        return null;
      }
      Expression e = el.parse(text);
      if (e.failure() != null) {
        problem(owner, "invalid " + attribute + " expression '" + text + "': " + e.failure());
      }
      return e;
    }

    MultiInstance multiInstance(FlowNode node, io.camunda.zeebe.model.bpmn.instance.LoopCharacteristics loop) {
      if (!(loop instanceof io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics mi)) {
        problem(node, "standard loops are not supported; use multi-instance characteristics");
        return null;
      }
      var zeebe = mi.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics.class);
      if (zeebe == null || zeebe.getInputCollection() == null || zeebe.getInputCollection().isBlank()) {
        problem(node, "a multi-instance activity needs an input collection (zeebe:loopCharacteristics inputCollection)");
        return null;
      }
      String completion = mi.getCompletionCondition() == null ? null : mi.getCompletionCondition().getTextContent();
      return new MultiInstance(mi.isSequential(), expr(node, "input collection", zeebe.getInputCollection()),
          blankToNull(zeebe.getInputElement()), blankToNull(zeebe.getOutputCollection()),
          expr(node, "output element", zeebe.getOutputElement()), expr(node, "completion condition", completion));
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.strip();
    }

    AdHoc adHoc(io.camunda.zeebe.model.bpmn.instance.AdHocSubProcess node, ExecutableElement e) {
      var zeebe = node.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAdHoc.class);
      if (!e.startEvents.isEmpty()) {
        problem(node, "an ad-hoc sub-process must not have start events");
      }
      String completion = node.getCompletionCondition() == null ? null : node.getCompletionCondition().getTextContent();
      String outputCollection = zeebe == null ? null : blankToNull(zeebe.getOutputCollection());
      String outputElement = zeebe == null ? null : blankToNull(zeebe.getOutputElement());
      if ((outputCollection == null) != (outputElement == null)) {
        problem(node, "an ad-hoc sub-process needs both an output collection and an output element, or neither");
      }
      return new AdHoc(zeebe == null ? null : expr(node, "active elements collection", zeebe.getActiveElementsCollection()),
          expr(node, "completion condition", completion), node.isCancelRemainingInstances(), outputCollection,
          expr(node, "output element", outputElement), e.jobType != null, adHocElements(node));
    }

    /** The inner elements that start a flow (no incoming sequence flow), as workers see them. */
    private static String adHocElements(io.camunda.zeebe.model.bpmn.instance.AdHocSubProcess node) {
      List<Map<String, Object>> elements = new ArrayList<>();
      java.util.Set<String> targets = new java.util.HashSet<>();
      node.getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.SequenceFlow.class)
          .forEach(f -> targets.add(f.getTarget().getId()));
      for (FlowElement child : node.getFlowElements()) {
        if (!(child instanceof FlowNode) || child instanceof BoundaryEvent || targets.contains(child.getId())
            || (child instanceof SubProcess sp && sp.triggeredByEvent())) {
          continue;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        var zeebeProperties = child.getSingleExtensionElement(
            io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties.class);
        if (zeebeProperties != null) {
          zeebeProperties.getProperties().forEach(p -> properties.put(p.getName(), p.getValue()));
        }
        Map<String, Object> element = new LinkedHashMap<>();
        element.put("elementId", child.getId());
        element.put("elementName", child.getName());
        element.put("documentation", child.getDocumentations().stream().map(d -> d.getTextContent())
            .reduce((a, b) -> a + "\n" + b).orElse(null));
        element.put("properties", properties);
        element.put("parameters", List.of());
        elements.add(element);
      }
      return io.caseway.engine.expression.Json.toJson(elements);
    }

    /** An event sub-process is started by its one start event, which must wait for an event. */
    void eventSubProcess(ExecutableElement container, ExecutableElement esp, SubProcess node) {
      if (esp.startEvents.size() != 1) {
        problem(node, "an event sub-process needs exactly one start event");
        return;
      }
      ExecutableElement start = esp.startEvents.get(0);
      boolean supported = start.timer != null || start.message != null || start.eventType == BpmnEventType.ERROR
          || start.eventType == BpmnEventType.ESCALATION || start.eventType == BpmnEventType.SIGNAL;
      if (!supported) {
        problem(start.id, "the start event of an event sub-process must be a timer, message, error, escalation"
            + " or signal start event (compensation start events are not supported by the Caseway engine yet)");
        return;
      }
      if (start.eventType == BpmnEventType.ERROR && !start.interrupting) {
        problem(start.id, "an error start event always interrupts its scope");
      }
      container.eventSubProcesses.add(esp);
    }

    /**
     * Wires compensation: each compensation boundary event's association names the handler of the
     * activity it is attached to; each compensation throw event's activity reference is resolved.
     */
    void compensation(io.camunda.zeebe.model.bpmn.instance.Process process) {
      for (var association : process.getModelInstance().getModelElementsByType(
          io.camunda.zeebe.model.bpmn.instance.Association.class)) {
        ExecutableElement boundary = association.getSource() == null ? null : elements.get(association.getSource().getId());
        if (boundary == null || boundary.eventType != BpmnEventType.COMPENSATION || boundary.attachedTo == null) {
          continue;
        }
        ExecutableElement handler = association.getTarget() == null ? null : elements.get(association.getTarget().getId());
        if (handler == null) {
          problem(boundary.id, "the compensation handler this boundary event is associated with is unknown");
          continue;
        }
        boundary.attachedTo.compensationHandler = handler;
      }
      for (ExecutableElement e : elements.values()) {
        if (e.eventType != BpmnEventType.COMPENSATION) {
          continue;
        }
        if (e.type == BpmnElementType.BOUNDARY_EVENT && (e.attachedTo == null || e.attachedTo.compensationHandler == null)) {
          problem(e.id, "a compensation boundary event needs an association to a compensation handler activity");
        }
        if (e.compensateActivityId != null) {
          e.compensateActivity = elements.get(e.compensateActivityId);
          ExecutableElement scope = e.flowScope; // a throw inside an event sub-process compensates the scope around it
          while (scope != null && scope.type == BpmnElementType.EVENT_SUB_PROCESS) {
            scope = scope.flowScope;
          }
          if (e.compensateActivity == null || e.compensateActivity.flowScope != scope) {
            problem(e.id, "the activity '" + e.compensateActivityId + "' to compensate must be in the same scope"
                + " as the throw event");
          }
        }
        if (e.type == BpmnElementType.INTERMEDIATE_CATCH_EVENT || e.type == BpmnElementType.START_EVENT) {
          problem(e.id, "compensation can be thrown by intermediate throw and end events and caught by boundary events"
              + " only");
        }
      }
    }

    /** Pairs each link throw event of a scope with the one catch event of its name in that scope. */
    void links(ExecutableElement container) {
      Map<String, List<ExecutableElement>> catches = new HashMap<>();
      for (ExecutableElement child : container.children) {
        if (child.eventType == BpmnEventType.LINK && child.type == BpmnElementType.INTERMEDIATE_CATCH_EVENT
            && child.linkName != null) {
          catches.computeIfAbsent(child.linkName, n -> new ArrayList<>()).add(child);
        }
      }
      catches.forEach((name, list) -> {
        if (list.size() > 1) {
          list.forEach(c -> problem(c.id, "the link name '" + name
              + "' is used by more than one link catch event in the same scope"));
        }
      });
      for (ExecutableElement child : container.children) {
        if (child.eventType == BpmnEventType.LINK && child.type == BpmnElementType.INTERMEDIATE_THROW_EVENT
            && child.linkName != null) {
          List<ExecutableElement> target = catches.get(child.linkName);
          if (target == null) {
            problem(child.id, "no link catch event named '" + child.linkName
                + "' in the same scope");
          } else {
            child.linkTarget = target.get(0);
          }
        }
      }
    }

    void container(ExecutableElement container, Collection<FlowElement> flowElements) {
      List<BoundaryEvent> boundaries = new ArrayList<>();
      List<SequenceFlow> sequenceFlows = new ArrayList<>();
      for (FlowElement fe : flowElements) {
        if (fe instanceof SequenceFlow sf) {
          sequenceFlows.add(sf);
        } else if (fe instanceof FlowNode node) {
          ExecutableElement e = node(node);
          if (e == null) {
            continue;
          }
          e.flowScope = container;
          container.children.add(e);
          elements.put(e.id, e);
          if (node instanceof BoundaryEvent be) {
            boundaries.add(be);
          }
          if (e.type == BpmnElementType.START_EVENT) {
            container.startEvents.add(e);
            if (e.eventType == BpmnEventType.NONE) {
              container.noneStartEvent = e;
            }
          }
          if (node instanceof SubProcess sp) {
            container(e, sp.getFlowElements());
            if (e.type == BpmnElementType.EVENT_SUB_PROCESS) {
              eventSubProcess(container, e, sp);
            }
            if (sp instanceof io.camunda.zeebe.model.bpmn.instance.AdHocSubProcess adHoc) {
              e.adHoc = adHoc(adHoc, e);
            }
          }
          if (node instanceof StartEvent se && container.type == BpmnElementType.EVENT_SUB_PROCESS) {
            e.interrupting = se.isInterrupting();
          }
        }
      }
      links(container);
      for (BoundaryEvent be : boundaries) {
        ExecutableElement boundary = elements.get(be.getId());
        ExecutableElement attached = elements.get(be.getAttachedTo().getId());
        if (attached == null) {
          problem(be, "attached to an unknown activity '" + be.getAttachedTo().getId() + "'");
          continue;
        }
        boundary.attachedTo = attached;
        boundary.interrupting = be.cancelActivity();
        attached.boundaryEvents.add(boundary);
      }
      for (SequenceFlow sf : sequenceFlows) {
        ExecutableSequenceFlow flow = new ExecutableSequenceFlow(sf.getId());
        flow.source = elements.get(sf.getSource().getId());
        flow.target = elements.get(sf.getTarget().getId());
        if (flow.source == null || flow.target == null) {
          continue; // the source or target was unsupported and already reported
        }
        ConditionExpression condition = sf.getConditionExpression();
        if (condition != null) {
          flow.condition = expr(sf, "condition", condition.getTextContent());
          if (flow.condition != null && flow.condition.isStatic()) {
            problem(sf, "a condition must be a FEEL expression starting with '=', but was '"
                + condition.getTextContent() + "'");
          }
        }
        flow.source.outgoing.add(flow);
        flow.target.incoming.add(flow);
        flows.put(flow.id, flow);
      }
      for (FlowElement fe : flowElements) {
        SequenceFlow def = null;
        if (fe instanceof ExclusiveGateway gw) {
          def = gw.getDefault();
        } else if (fe instanceof InclusiveGateway gw) {
          def = gw.getDefault();
        }
        if (def != null && elements.containsKey(fe.getId())) {
          elements.get(fe.getId()).defaultFlow = flows.get(def.getId());
        }
      }
    }

    ExecutableElement node(FlowNode node) {
      BpmnElementType type = typeOf(node);
      if (type == null) {
        problem(node, "element of type '" + node.getElementType().getTypeName()
            + "' is not supported by the Caseway engine yet (see docs/bpmn-coverage.md)");
        return null;
      }
      ExecutableElement e = new ExecutableElement(node.getId(), node.getName(), type);
      taskListeners(node, e);
      executionListeners(node, e);
      ioMappings(node, e);
      if (node instanceof Activity a && a.getLoopCharacteristics() != null) {
        e.multiInstance = multiInstance(node, a.getLoopCharacteristics());
      }
      if (node instanceof CatchEvent || node instanceof ThrowEvent) {
        eventDefinition(node, e);
      }
      ZeebeTaskDefinition taskDefinition = node.getSingleExtensionElement(ZeebeTaskDefinition.class);
      if (taskDefinition != null) {
        e.jobType = expr(node, "job type", taskDefinition.getType());
        e.jobRetries = expr(node, "job retries",
            taskDefinition.getRetries() == null ? ZeebeTaskDefinition.DEFAULT_RETRIES : taskDefinition.getRetries());
      }
      // headers belong to jobs, and to Camunda user tasks (which hand them to their task listeners)
      ZeebeTaskHeaders headers = node.getSingleExtensionElement(ZeebeTaskHeaders.class);
      if (headers != null) {
        Map<String, String> h = new LinkedHashMap<>();
        for (ZeebeHeader header : headers.getHeaders()) {
          h.put(header.getKey(), header.getValue());
        }
        e.taskHeaders = java.util.Collections.unmodifiableMap(h);
      }
      switch (type) {
        case USER_TASK -> userTask((UserTask) node, e);
        case CALL_ACTIVITY -> callActivity((CallActivity) node, e);
        case BUSINESS_RULE_TASK -> {
          ZeebeCalledDecision d = node.getSingleExtensionElement(ZeebeCalledDecision.class);
          if (d != null) {
            e.decisionId = expr(node, "decision id", d.getDecisionId());
            e.resultVariable = d.getResultVariable();
          }
        }
        case SCRIPT_TASK -> {
          ZeebeScript s = node.getSingleExtensionElement(ZeebeScript.class);
          if (s != null) {
            e.script = expr(node, "script", s.getExpression());
            e.resultVariable = s.getResultVariable();
          }
        }
        case RECEIVE_TASK -> {
          ReceiveTask rt = (ReceiveTask) node;
          if (rt.getMessage() != null) {
            e.message = message(node, rt.getMessage());
          }
        }
        default -> {}
      }
      boolean needsJob = switch (type) {
        case SERVICE_TASK, SEND_TASK -> true;
        case SCRIPT_TASK -> e.script == null;
        case BUSINESS_RULE_TASK -> e.decisionId == null;
        case INTERMEDIATE_THROW_EVENT, END_EVENT -> e.eventType == BpmnEventType.MESSAGE;
        default -> false;
      };
      if (needsJob && e.jobType == null) {
        problem(node, "a " + type.name().toLowerCase().replace('_', ' ')
            + " needs a zeebe:taskDefinition with a job type" + (type == BpmnElementType.SCRIPT_TASK
                || type == BpmnElementType.BUSINESS_RULE_TASK ? " or an implementation (zeebe:script, zeebe:calledDecision)" : ""));
      }
      return e;
    }

    /** Task listeners: only on Camunda user tasks (zeebe:userTask), and not on the process. */
    void taskListeners(BaseElement element, ExecutableElement e) {
      ZeebeTaskListeners task = element.getSingleExtensionElement(ZeebeTaskListeners.class);
      if (task == null || task.getTaskListeners().isEmpty()) {
        return;
      }
      if (e == null || !(element instanceof UserTask) || element.getSingleExtensionElement(ZeebeUserTask.class) == null) {
        problem(element, "task listeners are only supported on user tasks implemented as Camunda user tasks"
            + " (zeebe:userTask)");
        return;
      }
      List<ExecutionListener> listeners = new ArrayList<>();
      for (var l : task.getTaskListeners()) {
        if (l.getEventType() == null) {
          problem(element, "a task listener needs an event type");
          continue;
        }
        String eventType = TaskListeners.eventType(l.getEventType().name());
        ExecutionListener listener = new ExecutionListener(eventType, expr(element, "task listener type", l.getType()),
            expr(element, "task listener retries", l.getRetries() == null ? "3" : l.getRetries()));
        if (listener.type() == null) {
          problem(element, "a task listener needs a job type");
          continue;
        }
        listeners.add(listener);
      }
      e.taskListeners = List.copyOf(listeners);
    }

    /**
     * Start and end execution listeners of a flow node, and end listeners of the process itself,
     * where Camunda 8.8 allows each kind.
     */
    void executionListeners(BaseElement node, ExecutableElement e) {
      ZeebeExecutionListeners execution = node.getSingleExtensionElement(ZeebeExecutionListeners.class);
      if (execution == null || execution.getExecutionListeners().isEmpty()) {
        return;
      }
      List<ExecutionListener> starts = new ArrayList<>();
      List<ExecutionListener> ends = new ArrayList<>();
      for (var l : execution.getExecutionListeners()) {
        String eventType = l.getEventType() == null ? "start" : l.getEventType().name();
        ExecutionListener listener = new ExecutionListener(eventType.toUpperCase(java.util.Locale.ROOT),
            expr(node, "execution listener type", l.getType()),
            expr(node, "execution listener retries", l.getRetries() == null ? "3" : l.getRetries()));
        if (listener.type() == null) {
          problem(node, "an execution listener needs a job type");
          continue;
        }
        (ExecutionListener.START.equals(listener.eventType()) ? starts : ends).add(listener);
      }
      boolean gateway = e.type == BpmnElementType.EXCLUSIVE_GATEWAY || e.type == BpmnElementType.INCLUSIVE_GATEWAY
          || e.type == BpmnElementType.PARALLEL_GATEWAY || e.type == BpmnElementType.EVENT_BASED_GATEWAY;
      if (!ends.isEmpty() && (gateway || e.type == BpmnElementType.END_EVENT)) {
        problem(node, "end execution listeners are not supported on gateways and end events");
      }
      if (!starts.isEmpty() && (e.type == BpmnElementType.START_EVENT || e.type == BpmnElementType.BOUNDARY_EVENT
          || e.type == BpmnElementType.EVENT_SUB_PROCESS)) {
        problem(node, "start execution listeners are not supported on start and boundary events");
      }
      e.startListeners = List.copyOf(starts);
      e.endListeners = List.copyOf(ends);
    }

    BpmnElementType typeOf(FlowNode node) {
      if (node instanceof StartEvent) return BpmnElementType.START_EVENT;
      if (node instanceof EndEvent) return BpmnElementType.END_EVENT;
      if (node instanceof BoundaryEvent) return BpmnElementType.BOUNDARY_EVENT;
      if (node instanceof IntermediateCatchEvent) return BpmnElementType.INTERMEDIATE_CATCH_EVENT;
      if (node instanceof IntermediateThrowEvent) return BpmnElementType.INTERMEDIATE_THROW_EVENT;
      if (node instanceof ServiceTask) return BpmnElementType.SERVICE_TASK;
      if (node instanceof SendTask) return BpmnElementType.SEND_TASK;
      if (node instanceof ScriptTask) return BpmnElementType.SCRIPT_TASK;
      if (node instanceof BusinessRuleTask) return BpmnElementType.BUSINESS_RULE_TASK;
      if (node instanceof UserTask) return BpmnElementType.USER_TASK;
      if (node instanceof ReceiveTask) return BpmnElementType.RECEIVE_TASK;
      if (node instanceof ManualTask) return BpmnElementType.MANUAL_TASK;
      if (node instanceof ExclusiveGateway) return BpmnElementType.EXCLUSIVE_GATEWAY;
      if (node instanceof ParallelGateway) return BpmnElementType.PARALLEL_GATEWAY;
      if (node instanceof InclusiveGateway) return BpmnElementType.INCLUSIVE_GATEWAY;
      if (node instanceof io.camunda.zeebe.model.bpmn.instance.EventBasedGateway) {
        return BpmnElementType.EVENT_BASED_GATEWAY;
      }
      if (node instanceof CallActivity) return BpmnElementType.CALL_ACTIVITY;
      if (node instanceof SubProcess sp && sp.triggeredByEvent()) {
        return BpmnElementType.EVENT_SUB_PROCESS;
      }
      if (node instanceof io.camunda.zeebe.model.bpmn.instance.AdHocSubProcess) {
        return BpmnElementType.AD_HOC_SUB_PROCESS;
      }
      if (node instanceof SubProcess sp && sp.getElementType().getTypeName().equals("subProcess")) {
        return BpmnElementType.SUB_PROCESS;
      }
      if (node instanceof Task && node.getElementType().getTypeName().equals("task")) return BpmnElementType.TASK;
      return null;
    }

    void eventDefinition(FlowNode node, ExecutableElement e) {
      Collection<EventDefinition> defs = node instanceof CatchEvent c ? c.getEventDefinitions()
          : ((ThrowEvent) node).getEventDefinitions();
      if (defs.isEmpty()) {
        e.eventType = BpmnEventType.NONE;
        return;
      }
      if (defs.size() > 1) {
        problem(node, "multiple event definitions are not supported");
        return;
      }
      EventDefinition def = defs.iterator().next();
      if (def instanceof TimerEventDefinition t) {
        e.eventType = BpmnEventType.TIMER;
        if (t.getTimeDate() != null) {
          e.timer = new TimerDefinition(TimerDefinition.Kind.DATE, expr(node, "timer date", t.getTimeDate().getTextContent()));
        } else if (t.getTimeDuration() != null) {
          e.timer = new TimerDefinition(TimerDefinition.Kind.DURATION,
              expr(node, "timer duration", t.getTimeDuration().getTextContent()));
        } else if (t.getTimeCycle() != null) {
          e.timer = new TimerDefinition(TimerDefinition.Kind.CYCLE, expr(node, "timer cycle", t.getTimeCycle().getTextContent()));
        }
      } else if (def instanceof MessageEventDefinition m) {
        e.eventType = BpmnEventType.MESSAGE;
        if (m.getMessage() != null && (node instanceof CatchEvent)) {
          e.message = message(node, m.getMessage());
        }
      } else if (def instanceof ErrorEventDefinition err) {
        e.eventType = BpmnEventType.ERROR;
        if (err.getError() != null && err.getError().getErrorCode() != null && !err.getError().getErrorCode().isBlank()) {
          e.errorCode = expr(node, "error code", err.getError().getErrorCode());
        }
      } else if (def instanceof TerminateEventDefinition) {
        e.eventType = BpmnEventType.TERMINATE;
      } else if (def instanceof EscalationEventDefinition esc) {
        e.eventType = BpmnEventType.ESCALATION;
        if (esc.getEscalation() != null && esc.getEscalation().getEscalationCode() != null
            && !esc.getEscalation().getEscalationCode().isBlank()) {
          e.escalationCode = expr(node, "escalation code", esc.getEscalation().getEscalationCode());
        } else if (node instanceof ThrowEvent) {
          problem(node, "an escalation throw event needs an escalation code");
        }
      } else if (def instanceof io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition sig) {
        e.eventType = BpmnEventType.SIGNAL;
        if (sig.getSignal() == null || sig.getSignal().getName() == null || sig.getSignal().getName().isBlank()) {
          problem(node, "a signal event needs a signal with a name");
        } else {
          e.signalName = expr(node, "signal name", sig.getSignal().getName());
        }
      } else if (def instanceof io.camunda.zeebe.model.bpmn.instance.CompensateEventDefinition comp) {
        e.eventType = BpmnEventType.COMPENSATION;
        if (comp.getActivity() != null) {
          e.compensateActivityId = comp.getActivity().getId();
        }
      } else if (def instanceof LinkEventDefinition link) {
        e.eventType = BpmnEventType.LINK;
        e.linkName = link.getName();
        if (e.linkName == null || e.linkName.isBlank()) {
          problem(node, "a link event needs a name, which pairs throw and catch events");
        }
      } else {
        problem(node, "event definition '" + def.getElementType().getTypeName()
            + "' is not supported by the Caseway engine yet (see docs/bpmn-coverage.md)");
      }
    }

    MessageDefinition message(FlowNode node, io.camunda.zeebe.model.bpmn.instance.Message message) {
      ZeebeSubscription sub = message.getSingleExtensionElement(ZeebeSubscription.class);
      Expression correlationKey = sub == null ? null : expr(node, "correlation key", sub.getCorrelationKey());
      return new MessageDefinition(expr(node, "message name", message.getName()), correlationKey);
    }

    void ioMappings(FlowNode node, ExecutableElement e) {
      ZeebeIoMapping io = node.getSingleExtensionElement(ZeebeIoMapping.class);
      if (io == null) {
        return;
      }
      e.inputs = io.getInputs().stream()
          .map(m -> new Mapping(expr(node, "input mapping source", m.getSource()), m.getTarget())).toList();
      e.outputs = io.getOutputs().stream()
          .map(m -> new Mapping(expr(node, "output mapping source", m.getSource()), m.getTarget())).toList();
    }

    void userTask(UserTask node, ExecutableElement e) {
      e.zeebeUserTask = node.getSingleExtensionElement(ZeebeUserTask.class) != null;
      if (!e.zeebeUserTask) {
        // a job-based user task, as Camunda 8 runs one without zeebe:userTask
        e.jobType = el.parse("io.camunda.zeebe:userTask");
        e.jobRetries = el.parse("1");
      }
      ZeebeAssignmentDefinition a = node.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
      if (a != null) {
        e.assignee = expr(node, "assignee", a.getAssignee());
        e.candidateGroups = expr(node, "candidate groups", a.getCandidateGroups());
        e.candidateUsers = expr(node, "candidate users", a.getCandidateUsers());
      }
      ZeebeTaskSchedule s = node.getSingleExtensionElement(ZeebeTaskSchedule.class);
      if (s != null) {
        e.dueDate = expr(node, "due date", s.getDueDate());
        e.followUpDate = expr(node, "follow-up date", s.getFollowUpDate());
      }
      ZeebePriorityDefinition p = node.getSingleExtensionElement(ZeebePriorityDefinition.class);
      if (p != null) {
        e.priority = expr(node, "priority", p.getPriority());
      }
      ZeebeFormDefinition f = node.getSingleExtensionElement(ZeebeFormDefinition.class);
      if (f != null) {
        e.formId = f.getFormId();
        e.formKey = f.getFormKey();
        e.externalFormReference = f.getExternalReference();
      }
    }

    void callActivity(CallActivity node, ExecutableElement e) {
      ZeebeCalledElement c = node.getSingleExtensionElement(ZeebeCalledElement.class);
      if (c == null) {
        problem(node, "a call activity needs a zeebe:calledElement with a processId");
        return;
      }
      e.calledProcessId = expr(node, "called process id", c.getProcessId());
      e.propagateAllChildVariables = c.isPropagateAllChildVariablesEnabled();
      e.propagateAllParentVariables = c.isPropagateAllParentVariablesEnabled();
      if (c.getBindingType() != null) {
        e.bindingType = c.getBindingType().name();
        if (e.bindingType.equals("versionTag")) {
          e.calledVersionTag = c.getVersionTag() == null || c.getVersionTag().isBlank() ? null : c.getVersionTag().strip();
          if (e.calledVersionTag == null) {
            problem(node, "binding type 'versionTag' needs a version tag to call");
          }
        }
      }
    }
  }
}
