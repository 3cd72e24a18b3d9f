package io.caseway.engine.processing.bpmn;

import io.caseway.engine.processing.bpmn.behavior.BpmnStateBehavior;
import io.caseway.engine.processing.bpmn.behavior.BpmnEventSubProcessBehavior;
import io.caseway.engine.model.BpmnElementType;
import io.caseway.engine.model.BpmnEventType;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.model.ExecutableSequenceFlow;
import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.BpmnVariableBehavior;
import io.caseway.engine.processing.bpmn.behavior.Failure;
import io.caseway.engine.processing.bpmn.behavior.ProcessResultAwaiters;
import io.caseway.engine.processing.message.MessageCorrelationBehavior;
import io.caseway.engine.protocol.Record;
import io.caseway.engine.protocol.RecordType;
import io.caseway.engine.protocol.RejectionType;
import io.caseway.engine.protocol.ValueType;
import io.caseway.engine.protocol.intent.ProcessEventIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceCreationIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.ProcessEventRecord;
import io.caseway.engine.protocol.value.ProcessInstanceCreationRecord;
import io.caseway.engine.state.ElementInstance;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The lifecycle every element goes through: activating → activated → completing → completed, or
 * terminating → terminated. Handles ACTIVATE_ELEMENT, COMPLETE_ELEMENT, TERMINATE_ELEMENT and
 * CONTINUE_TERMINATING; what differs per element kind lives in the {@link BpmnElementProcessor}s.
 */
public final class BpmnElementLifecycle implements CommandProcessor {
  private final BpmnBehaviors b;
  private final Map<BpmnElementType, BpmnElementProcessor> processors = new EnumMap<>(BpmnElementType.class);

  public BpmnElementLifecycle(BpmnBehaviors behaviors) {
    this.b = behaviors;
  }

  private BpmnElementProcessor jobProcessor;

  public void register(BpmnElementType type, BpmnElementProcessor processor) {
    processors.put(type, processor);
  }

  /** The processor for every element whose work a job worker does, whatever its BPMN type. */
  public void registerJobProcessor(BpmnElementProcessor processor) {
    this.jobProcessor = processor;
  }

  private io.caseway.engine.processing.bpmn.container.MultiInstanceBodyProcessor multiInstanceBody;

  /** The processor of multi-instance bodies (the instance around the inner instances of an activity). */
  public void registerMultiInstanceBody(io.caseway.engine.processing.bpmn.container.MultiInstanceBodyProcessor p) {
    this.multiInstanceBody = p;
  }

  private BpmnElementProcessor processorFor(ExecutableElement element, ElementInstance instance) {
    if (BpmnStateBehavior.isBody(instance)) {
      return multiInstanceBody;
    }
    // an ad-hoc sub-process with a job worker is still an ad-hoc sub-process; its job only decides what runs inside
    return element.isJobBased() && element.type() != BpmnElementType.AD_HOC_SUB_PROCESS ? jobProcessor
        : processors.get(element.type());
  }

  @Override
  public void process(Command command, ProcessingContext ctx) {
    ElementInstance instance = ctx.state().elementInstances().get(command.key());
    if (instance == null) {
      return; // the instance left meanwhile (e.g. terminated); nothing to do
    }
    switch ((ProcessInstanceIntent) command.intent()) {
      case ACTIVATE_ELEMENT -> activate(ctx, instance);
      case COMPLETE_ELEMENT -> {
        ExecutableElement element = b.state().element(ctx, instance);
        List<ExecutableSequenceFlow> flows = element.type() == BpmnElementType.PROCESS ? List.of() : element.outgoing();
        complete(ctx, instance, element, flows);
      }
      case TERMINATE_ELEMENT -> terminate(ctx, instance);
      case CONTINUE_TERMINATING -> {
        if (instance.isTerminating() && instance.children().isEmpty() && !hasActiveCalledChild(ctx, instance)
            && !io.caseway.engine.processing.usertask.UserTaskTransitionBehavior.cancelingListenersRun(ctx, instance)) {
          finishTermination(ctx, instance);
        }
      }
      default -> throw new IllegalArgumentException("Unexpected " + command.intent());
    }
  }

  private void activate(ProcessingContext ctx, ElementInstance instance) {
    if (instance.state() != ProcessInstanceIntent.ELEMENT_ACTIVATING) {
      return;
    }
    ElementInstance scope = ctx.state().elementInstances().get(instance.value().flowScopeKey());
    if (scope != null && scope.isTerminating()) {
      terminate(ctx, instance); // its scope was interrupted before it got going
      return;
    }
    ExecutableElement element = b.state().element(ctx, instance);
    // a multi-instance activity's mappings belong to its inner instances, not to its body
    boolean body = BpmnStateBehavior.isBody(instance);
    Failure failure = body ? null : b.mappings().applyInputs(ctx, element, instance);
    if (failure == null && !body && !element.startListeners().isEmpty()) {
      failure = writeListenerJob(ctx, element, instance, element.startListeners().get(0), 0);
      if (failure == null) {
        return; // the element does its work once its start listeners are done
      }
    }
    if (failure == null) {
      failure = processorFor(element, instance).onActivate(element, instance, ctx);
    }
    if (failure != null) {
      b.incidents().raise(ctx, instance, failure);
    }
  }

  private Failure writeListenerJob(ProcessingContext ctx, ExecutableElement element, ElementInstance instance,
      io.caseway.engine.model.ExecutionListener listener, int index) {
    var job = b.jobs().prepareListenerJob(ctx, element, instance, listener, index);
    if (job.isFailure()) {
      return new Failure(Failure.EXTRACT_VALUE_ERROR, job.failure());
    }
    b.jobs().writeJob(ctx, job.value());
    return null;
  }

  /**
   * A worker completed an execution listener job: its variables are set on the element, then the
   * next listener's job is created, or the element goes on (does its work after its start
   * listeners, completes after its end listeners).
   */
  public void listenerJobCompleted(ProcessingContext ctx, ElementInstance instance, ExecutableElement element,
      io.caseway.engine.protocol.value.JobRecord job, Map<String, String> variables) {
    boolean start = io.caseway.engine.model.ExecutionListener.START.equals(job.listenerEventType());
    ProcessInstanceIntent expected = start ? ProcessInstanceIntent.ELEMENT_ACTIVATING
        : ProcessInstanceIntent.ELEMENT_COMPLETING;
    if (instance.state() != expected) {
      return;
    }
    if (!variables.isEmpty()) {
      if (start) {
        b.variables().setLocal(ctx, instance.key(), instance.value(), variables);
      } else {
        b.variables().propagate(ctx, instance.key(), instance.value(), variables);
      }
    }
    var listeners = start ? element.startListeners() : element.endListeners();
    int next = job.listenerIndex() + 1;
    if (next < listeners.size()) {
      Failure failure = writeListenerJob(ctx, element, instance, listeners.get(next), next);
      if (failure != null) {
        b.incidents().raise(ctx, instance, failure);
      }
      return;
    }
    if (start) {
      Failure failure = processorFor(element, instance).onActivate(element, instance, ctx);
      if (failure != null) {
        b.incidents().raise(ctx, instance, failure);
      }
    } else {
      finishCompletion(ctx, instance, element, element.outgoing());
    }
  }

  private MessageCorrelationBehavior correlation;

  /** Set once at start-up (the correlation behaviour itself triggers events through this lifecycle). */
  public void setCorrelation(MessageCorrelationBehavior correlation) {
    this.correlation = correlation;
  }

  /** Writes ELEMENT_ACTIVATED, then lets buffered messages reach the subscriptions the element opened. */
  public void activated(ProcessingContext ctx, ElementInstance instance) {
    b.state().transition(ctx, instance, ProcessInstanceIntent.ELEMENT_ACTIVATED);
    if (!ctx.state().messages().subscriptionsOf(instance.key()).isEmpty()) {
      correlation.correlateBuffered(ctx, instance);
    }
  }

  /** Completes the element now (from activation or from COMPLETE_ELEMENT) and takes the given flows. */
  public void complete(ProcessingContext ctx, ElementInstance instance, ExecutableElement element,
      List<ExecutableSequenceFlow> flows) {
    if (instance.state() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
      b.events().unsubscribe(ctx, instance);
      b.state().transition(ctx, instance, ProcessInstanceIntent.ELEMENT_COMPLETING);
    } else if (instance.state() != ProcessInstanceIntent.ELEMENT_COMPLETING) {
      return;
    }
    boolean body = BpmnStateBehavior.isBody(instance);
    if (!body && !element.endListeners().isEmpty() && instance.jobKey() > 0) {
      return; // its end listeners run
    }
    Failure failure = body ? null : b.mappings().applyOutputs(ctx, element, instance);
    if (failure != null) {
      b.incidents().raise(ctx, instance, failure);
      return;
    }
    if (!body && !element.endListeners().isEmpty()) {
      failure = writeListenerJob(ctx, element, instance, element.endListeners().get(0), 0);
      if (failure != null) {
        b.incidents().raise(ctx, instance, failure);
      }
      return; // it completes once its end listeners are done
    }
    finishCompletion(ctx, instance, element, flows);
  }

  /** Completes an element whose outputs are applied (and end listeners done) and takes the given flows. */
  private void finishCompletion(ProcessingContext ctx, ElementInstance instance, ExecutableElement element,
      List<ExecutableSequenceFlow> flows) {
    boolean body = BpmnStateBehavior.isBody(instance);
    if (element.type() == BpmnElementType.PROCESS) {
      completeProcess(ctx, instance);
      return;
    }
    if (body) {
      multiInstanceBody.passOutputCollection(ctx, instance, element);
    } else if (element.type() == BpmnElementType.AD_HOC_SUB_PROCESS) {
      adHocSubProcess.passOutputCollection(ctx, instance, element);
    } else if (element.multiInstance() != null) {
      completeInner(ctx, instance, element);
      return;
    }
    b.state().transition(ctx, instance, ProcessInstanceIntent.ELEMENT_COMPLETED);
    compensationBookkeeping(ctx, instance, element);
    goOn(ctx, instance, element, flows);
    ElementInstance scope = ctx.state().elementInstances().get(instance.value().flowScopeKey());
    if (scope != null && BpmnElementType.AD_HOC_SUB_PROCESS.name().equals(scope.value().bpmnElementType())) {
      boolean flowCompleted = flows.isEmpty() && element.linkTarget() == null;
      adHocSubProcess.afterInnerCompleted(ctx, scope, b.state().element(ctx, scope), flowCompleted);
    }
  }

  private io.caseway.engine.processing.bpmn.container.AdHocSubProcessProcessor adHocSubProcess;

  public void registerAdHocSubProcess(io.caseway.engine.processing.bpmn.container.AdHocSubProcessProcessor p) {
    this.adHocSubProcess = p;
    register(BpmnElementType.AD_HOC_SUB_PROCESS, p);
  }

  public io.caseway.engine.processing.bpmn.container.AdHocSubProcessProcessor adHocSubProcess() {
    return adHocSubProcess;
  }

  /**
   * A completed activity with a compensation handler can now be compensated; a completed handler
   * lets the compensation throw event that started it go on once all its handlers are done.
   */
  private void compensationBookkeeping(ProcessingContext ctx, ElementInstance instance, ExecutableElement element) {
    var pi = instance.value();
    // a multi-instance activity is compensable once, when its body completed with all its instances
    if (element.compensationHandler() != null
        && (BpmnStateBehavior.isBody(instance) || element.multiInstance() == null)) {
      ctx.event(ctx.newKey(), io.caseway.engine.protocol.intent.CompensationSubscriptionIntent.CREATED,
          new io.caseway.engine.protocol.value.CompensationSubscriptionRecord(pi.flowScopeKey(), element.id(),
              instance.key(), -1, -1, pi.processInstanceKey(), pi.tenantId()));
    }
    long thrower = ctx.state().compensations().throwEventOf(instance.key());
    if (thrower > 0) {
      ctx.event(ctx.newKey(), io.caseway.engine.protocol.intent.CompensationSubscriptionIntent.COMPLETED,
          new io.caseway.engine.protocol.value.CompensationSubscriptionRecord(pi.flowScopeKey(), element.id(), -1,
              thrower, instance.key(), pi.processInstanceKey(), pi.tenantId()));
      ElementInstance throwEvent = ctx.state().elementInstances().get(thrower);
      if (throwEvent != null && ctx.state().compensations().runningHandlers(thrower) == 0) {
        ctx.command(thrower, ProcessInstanceIntent.COMPLETE_ELEMENT, throwEvent.value());
      }
    }
  }

  /** After an element completed: along its flows, to its link catch event, or out of its scope. */
  private void goOn(ProcessingContext ctx, ElementInstance instance, ExecutableElement element,
      List<ExecutableSequenceFlow> flows) {
    if (!flows.isEmpty()) {
      b.state().takeFlows(ctx, instance, flows);
      return;
    }
    if (element.linkTarget() != null) {
      ElementInstance scope = ctx.state().elementInstances().get(instance.value().flowScopeKey());
      b.state().activateChild(ctx, scope, element.linkTarget());
      return;
    }
    if (element.type() == BpmnElementType.END_EVENT && element.eventType() == BpmnEventType.TERMINATE) {
      ElementInstance scope = ctx.state().elementInstances().get(instance.value().flowScopeKey());
      for (long sibling : List.copyOf(scope.children())) {
        ctx.command(sibling, ProcessInstanceIntent.TERMINATE_ELEMENT, scope.value());
      }
    }
    b.state().afterChildLeft(ctx, instance.value().flowScopeKey());
  }

  /** An inner instance of a multi-instance activity completes into its body, which decides what comes next. */
  private void completeInner(ProcessingContext ctx, ElementInstance inner, ExecutableElement element) {
    ElementInstance body = ctx.state().elementInstances().get(inner.value().flowScopeKey());
    int loopCounter = multiInstanceBody.loopCounter(ctx, inner);
    io.caseway.engine.expression.TypedResult<Boolean> done =
        multiInstanceBody.beforeInnerCompletes(ctx, body, inner, element);
    if (done.isFailure()) {
      b.incidents().raise(ctx, inner, new Failure(Failure.EXTRACT_VALUE_ERROR, done.failure()));
      return;
    }
    b.state().transition(ctx, inner, ProcessInstanceIntent.ELEMENT_COMPLETED);
    multiInstanceBody.afterInnerCompleted(ctx, body, element, loopCounter, Boolean.TRUE.equals(done.value()));
  }

  private void completeProcess(ProcessingContext ctx, ElementInstance instance) {
    var pi = instance.value();
    Map<String, String> rootVariables = b.variables().locals(ctx, instance.key());
    String startKey = ctx.state().messages().startCorrelationKeyOf(instance.key());
    b.state().transition(ctx, instance, ProcessInstanceIntent.ELEMENT_COMPLETED);
    if (startKey != null) {
      io.caseway.engine.processing.message.MessagePublishProcessor.startBufferedAfterEnd(b, ctx, pi.bpmnProcessId(),
          startKey);
    }
    ProcessResultAwaiters.Awaiter awaiter = b.results().take(pi.processInstanceKey());
    if (awaiter != null) {
      String document = BpmnVariableBehavior.document(rootVariables, awaiter.fetchVariables());
      Record result = new Record(-1, pi.processInstanceKey(), ctx.now(), RecordType.EVENT,
          ValueType.PROCESS_INSTANCE_CREATION, ProcessInstanceCreationIntent.CREATED,
          new ProcessInstanceCreationRecord(pi.bpmnProcessId(), pi.version(), pi.processDefinitionKey(),
              pi.processInstanceKey(), document, List.of(), awaiter.fetchVariables(), pi.tenantId()), null, null);
      ctx.afterCommit(() -> awaiter.channel().accept(result));
    }
    if (pi.parentElementInstanceKey() > 0) {
      ElementInstance callActivity = ctx.state().elementInstances().get(pi.parentElementInstanceKey());
      if (callActivity != null && callActivity.state() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
        ExecutableElement element = b.state().element(ctx, callActivity);
        // output mappings read the child's variables; without them, propagateAllChildVariables decides
        if (element.propagateAllChildVariables() || !element.outputs().isEmpty()) {
          setEventVariables(ctx, callActivity, element, rootVariables);
        }
        ctx.command(callActivity.key(), ProcessInstanceIntent.COMPLETE_ELEMENT, callActivity.value());
      }
    }
  }

  /**
   * Variables that arrive with an event (job completion, message, error, child process): local
   * to the element when it has output mappings (which then decide what leaves), else propagated.
   */
  public void setEventVariables(ProcessingContext ctx, ElementInstance instance, ExecutableElement element,
      Map<String, String> vars) {
    if (vars.isEmpty()) {
      return;
    }
    if (!element.outputs().isEmpty()) {
      b.variables().setLocal(ctx, instance.key(), instance.value(), vars);
    } else {
      b.variables().propagate(ctx, instance.key(), instance.value(), vars);
    }
  }

  /**
   * An event (timer, message) arrived for an element instance that waits: completes a catch event
   * or receive task, or fires a boundary event (interrupting: terminate the activity first).
   */
  public void triggerEvent(ProcessingContext ctx, ElementInstance waiting, ExecutableElement event, String variables) {
    if (waiting.state() != ProcessInstanceIntent.ELEMENT_ACTIVATED) {
      return;
    }
    var pi = waiting.value();
    ExecutableElement waitingElement = b.state().element(ctx, waiting);
    if (waitingElement.type() == BpmnElementType.EVENT_BASED_GATEWAY) {
      triggerEventBasedGateway(ctx, waiting, waitingElement, event, variables);
      return;
    }
    if (BpmnEventSubProcessBehavior.startsEventSubProcess(event)) {
      b.eventSubProcesses().trigger(ctx, waiting, event, variables);
      return;
    }
    if (event.id().equals(pi.elementId())) {
      setEventVariables(ctx, waiting, event, BpmnVariableBehavior.parseDocument(variables));
      ctx.command(waiting.key(), ProcessInstanceIntent.COMPLETE_ELEMENT, pi);
    } else if (event.interrupting()) {
      if (ctx.state().elementInstances().pendingEvent(waiting.key()) != null) {
        return;
      }
      ctx.event(ctx.newKey(), ProcessEventIntent.TRIGGERING, new ProcessEventRecord(waiting.key(), event.id(),
          variables, pi.processInstanceKey(), pi.processDefinitionKey()));
      b.events().unsubscribe(ctx, waiting);
      ctx.command(waiting.key(), ProcessInstanceIntent.TERMINATE_ELEMENT, pi);
    } else {
      ElementInstance scope = ctx.state().elementInstances().get(pi.flowScopeKey());
      long key = b.state().activateChild(ctx, scope, event);
      setEventVariables(ctx, ctx.state().elementInstances().get(key), event,
          BpmnVariableBehavior.parseDocument(variables));
    }
  }

  /**
   * The first event after an event-based gateway happened: the gateway completes along the flow to
   * that event, which is then activated already triggered (it completes at once, with the event's
   * variables), and the other events' subscriptions are closed with the gateway.
   */
  private void triggerEventBasedGateway(ProcessingContext ctx, ElementInstance gateway, ExecutableElement element,
      ExecutableElement event, String variables) {
    ExecutableSequenceFlow flow = element.outgoing().stream().filter(f -> f.target() == event).findFirst().orElseThrow();
    b.events().unsubscribe(ctx, gateway);
    b.state().transition(ctx, gateway, ProcessInstanceIntent.ELEMENT_COMPLETING);
    b.state().transition(ctx, gateway, ProcessInstanceIntent.ELEMENT_COMPLETED);
    long eventKey = b.state().takeFlow(ctx, gateway, flow);
    var pi = gateway.value();
    ctx.event(ctx.newKey(), ProcessEventIntent.TRIGGERING, new ProcessEventRecord(eventKey, event.id(), variables,
        pi.processInstanceKey(), pi.processDefinitionKey()));
  }

  /**
   * For an event activated already triggered (after an event-based gateway): completes it with the
   * event's variables. Returns false if nothing was pending for it.
   */
  public boolean completeTriggered(ProcessingContext ctx, ElementInstance instance, ExecutableElement element) {
    ProcessEventRecord pending = ctx.state().elementInstances().pendingEvent(instance.key());
    if (pending == null || !pending.targetElementId().equals(element.id())) {
      return false;
    }
    ctx.event(ctx.newKey(), ProcessEventIntent.TRIGGERED, pending);
    b.state().transition(ctx, instance, ProcessInstanceIntent.ELEMENT_ACTIVATED);
    setEventVariables(ctx, instance, element, BpmnVariableBehavior.parseDocument(pending.variables()));
    complete(ctx, instance, element, element.outgoing());
    return true;
  }

  private void terminate(ProcessingContext ctx, ElementInstance instance) {
    if (instance.isTerminating()) {
      return;
    }
    b.state().transition(ctx, instance, ProcessInstanceIntent.ELEMENT_TERMINATING);
    ExecutableElement element = b.state().element(ctx, instance);
    b.events().unsubscribe(ctx, instance);
    b.jobs().cancelJob(ctx, instance); // an execution listener's job, if one runs
    processorFor(element, instance).onTerminate(element, instance, ctx);
    b.incidents().resolveFor(ctx, instance);
    if (!instance.children().isEmpty()) {
      for (long child : List.copyOf(instance.children())) {
        ctx.command(child, ProcessInstanceIntent.TERMINATE_ELEMENT, instance.value());
      }
      return;
    }
    if (hasActiveCalledChild(ctx, instance)) {
      ElementInstance child = ctx.state().elementInstances().get(instance.calledChildInstanceKey());
      ctx.command(child.key(), ProcessInstanceIntent.TERMINATE_ELEMENT, child.value());
      return;
    }
    if (io.caseway.engine.processing.usertask.UserTaskTransitionBehavior.cancelingListenersRun(ctx, instance)) {
      return; // its task's canceling listeners run; CONTINUE_TERMINATING comes when they are done
    }
    finishTermination(ctx, instance);
  }

  private boolean hasActiveCalledChild(ProcessingContext ctx, ElementInstance instance) {
    return instance.calledChildInstanceKey() > 0
        && ctx.state().elementInstances().get(instance.calledChildInstanceKey()) != null;
  }

  private void finishTermination(ProcessingContext ctx, ElementInstance instance) {
    var pi = instance.value();
    String startKey = pi.flowScopeKey() < 0 ? ctx.state().messages().startCorrelationKeyOf(instance.key()) : null;
    b.state().transition(ctx, instance, ProcessInstanceIntent.ELEMENT_TERMINATED);
    if (startKey != null) {
      io.caseway.engine.processing.message.MessagePublishProcessor.startBufferedAfterEnd(b, ctx, pi.bpmnProcessId(),
          startKey);
    }
    ProcessEventRecord pending = ctx.state().elementInstances().pendingEvent(instance.key());
    boolean process = BpmnElementType.PROCESS.name().equals(pi.bpmnElementType());
    if (pending != null && process) {
      // canceled while its start listeners ran: the start element it remembered is never entered
      ctx.event(ctx.newKey(), ProcessEventIntent.TRIGGERED, pending);
    } else if (pending != null) {
      ctx.event(ctx.newKey(), ProcessEventIntent.TRIGGERED, pending);
      ElementInstance scope = ctx.state().elementInstances().get(pi.flowScopeKey());
      ExecutableElement boundary = b.state().process(ctx, pi).element(pending.targetElementId());
      long key = b.state().activateChild(ctx, scope, boundary);
      setEventVariables(ctx, ctx.state().elementInstances().get(key), boundary,
          BpmnVariableBehavior.parseDocument(pending.variables()));
      return;
    }
    if (process) {
      ProcessResultAwaiters.Awaiter awaiter = b.results().take(pi.processInstanceKey());
      if (awaiter != null) {
        ctx.afterCommit(() -> awaiter.channel().reject(RejectionType.INVALID_STATE,
            "The process instance " + pi.processInstanceKey() + " was terminated before it completed"));
      }
      if (pi.parentElementInstanceKey() > 0) {
        ElementInstance parent = ctx.state().elementInstances().get(pi.parentElementInstanceKey());
        if (parent != null && parent.isTerminating()) {
          ctx.command(parent.key(), ProcessInstanceIntent.CONTINUE_TERMINATING, parent.value());
        }
      }
      return;
    }
    ElementInstance scope = ctx.state().elementInstances().get(pi.flowScopeKey());
    if (scope != null && b.eventSubProcesses().resume(ctx, scope)) {
      return; // an interrupting event sub-process waited for this scope to be empty
    }
    b.state().afterChildLeft(ctx, pi.flowScopeKey());
  }
}
