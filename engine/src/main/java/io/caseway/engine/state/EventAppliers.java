package io.caseway.engine.state;

import io.caseway.engine.clock.EngineClock;
import io.caseway.engine.model.BpmnElementType;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.model.ExecutableSequenceFlow;
import io.caseway.engine.protocol.Intent;
import io.caseway.engine.protocol.Record;
import io.caseway.engine.protocol.RecordValue;
import io.caseway.engine.protocol.intent.ClockIntent;
import io.caseway.engine.protocol.intent.DecisionIntent;
import io.caseway.engine.protocol.intent.DecisionRequirementsIntent;
import io.caseway.engine.protocol.intent.FormIntent;
import io.caseway.engine.protocol.intent.IncidentIntent;
import io.caseway.engine.protocol.intent.JobBatchIntent;
import io.caseway.engine.protocol.intent.JobIntent;
import io.caseway.engine.protocol.intent.MessageIntent;
import io.caseway.engine.protocol.intent.MessageStartEventSubscriptionIntent;
import io.caseway.engine.protocol.intent.MessageSubscriptionIntent;
import io.caseway.engine.protocol.intent.ProcessEventIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.intent.ProcessIntent;
import io.caseway.engine.protocol.intent.TimerIntent;
import io.caseway.engine.protocol.intent.UserTaskIntent;
import io.caseway.engine.protocol.intent.VariableIntent;
import io.caseway.engine.protocol.value.ClockRecord;
import io.caseway.engine.protocol.value.DecisionRecord;
import io.caseway.engine.protocol.value.DecisionRequirementsRecord;
import io.caseway.engine.protocol.value.FormRecord;
import io.caseway.engine.protocol.value.IncidentRecord;
import io.caseway.engine.protocol.value.JobBatchRecord;
import io.caseway.engine.protocol.value.JobRecord;
import io.caseway.engine.protocol.value.MessageRecord;
import io.caseway.engine.protocol.value.MessageStartEventSubscriptionRecord;
import io.caseway.engine.protocol.value.MessageSubscriptionRecord;
import io.caseway.engine.protocol.value.ProcessEventRecord;
import io.caseway.engine.protocol.value.ProcessInstanceRecord;
import io.caseway.engine.protocol.value.ProcessRecord;
import io.caseway.engine.protocol.value.TimerRecord;
import io.caseway.engine.protocol.value.UserTaskRecord;
import io.caseway.engine.protocol.value.VariableRecord;
import io.caseway.engine.state.JobState.State;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The only code that changes {@link EngineState}: one small applier per event intent. Appliers
 * decide nothing; they make the state say what the event says. Live processing and replay both go
 * through here, which is why replay rebuilds exactly the state live processing had.
 *
 * <p>An applier, once released, is never changed in a way that alters the state an existing
 * journal replays into; a changed behaviour gets a new event intent or value field instead.
 */
public final class EventAppliers {
  private final EngineState state;
  private final ResourceModels models;
  private final EngineClock clock;
  private final Map<Intent, BiConsumer<Long, RecordValue>> appliers = new HashMap<>();

  public EventAppliers(EngineState state, ResourceModels models, EngineClock clock) {
    this.state = state;
    this.models = models;
    this.clock = clock;
    registerDeployment();
    registerProcessInstance();
    registerJob();
    registerEvents();
    registerVariablesIncidentsUserTasks();
    BiConsumer<Long, ClockRecord> clockChanged = (key, c) -> clock.restore(c.pinnedMillis(), c.offsetMillis());
    on(ClockIntent.PINNED, ClockRecord.class, clockChanged);
    on(ClockIntent.OFFSET_ADDED, ClockRecord.class, clockChanged);
    on(ClockIntent.RESETTED, ClockRecord.class, clockChanged);
    on(io.caseway.engine.protocol.intent.SignalSubscriptionIntent.CREATED,
        io.caseway.engine.protocol.value.SignalSubscriptionRecord.class, (key, s) -> state.signals().put(key, s));
    on(io.caseway.engine.protocol.intent.SignalSubscriptionIntent.DELETED,
        io.caseway.engine.protocol.value.SignalSubscriptionRecord.class, (key, s) -> state.signals().remove(key));
    on(io.caseway.engine.protocol.intent.CompensationSubscriptionIntent.CREATED,
        io.caseway.engine.protocol.value.CompensationSubscriptionRecord.class, (key, c) -> state.compensations().created(c));
    on(io.caseway.engine.protocol.intent.CompensationSubscriptionIntent.TRIGGERED,
        io.caseway.engine.protocol.value.CompensationSubscriptionRecord.class,
        (key, c) -> state.compensations().triggered(c));
    on(io.caseway.engine.protocol.intent.CompensationSubscriptionIntent.COMPLETED,
        io.caseway.engine.protocol.value.CompensationSubscriptionRecord.class,
        (key, c) -> state.compensations().completed(c));
    on(io.caseway.engine.protocol.intent.AdHocSubProcessInstructionIntent.ACTIVATED,
        io.caseway.engine.protocol.value.AdHocSubProcessInstructionRecord.class, (key, s) -> { });
    on(io.caseway.engine.protocol.intent.AdHocSubProcessInstructionIntent.COMPLETED,
        io.caseway.engine.protocol.value.AdHocSubProcessInstructionRecord.class,
        (key, s) -> state.elementInstances().setAdHocCompletionFulfilled(s.adHocSubProcessInstanceKey()));
    on(io.caseway.engine.protocol.intent.SignalIntent.BROADCASTED, io.caseway.engine.protocol.value.SignalRecord.class,
        (key, s) -> { });
    on(io.caseway.engine.protocol.intent.EscalationIntent.ESCALATED,
        io.caseway.engine.protocol.value.EscalationRecord.class, (key, e) -> { });
    on(io.caseway.engine.protocol.intent.EscalationIntent.NOT_ESCALATED,
        io.caseway.engine.protocol.value.EscalationRecord.class, (key, e) -> { });
    on(io.caseway.engine.protocol.intent.PurgeIntent.PURGED, io.caseway.engine.protocol.value.PurgeRecord.class,
        (key, p) -> state.purge());
  }

  public void apply(Record record) {
    state.keys().observe(record.key());
    state.setLastPosition(record.position());
    BiConsumer<Long, RecordValue> applier = appliers.get(record.intent());
    if (applier != null) {
      applier.accept(record.key(), record.value());
    }
  }

  @SuppressWarnings("unchecked")
  private <V extends RecordValue> void on(Intent intent, Class<V> type, BiConsumer<Long, V> applier) {
    appliers.put(intent, (key, value) -> applier.accept(key, (V) value));
  }

  private void registerDeployment() {
    DeploymentState d = state.deployments();
    on(ProcessIntent.CREATED, ProcessRecord.class,
        (key, p) -> d.putProcess(new DeploymentState.DeployedProcess(p, models.process(p))));
    on(ProcessIntent.DELETED, ProcessRecord.class, (key, p) -> d.removeProcess(p.processDefinitionKey()));
    on(DecisionRequirementsIntent.CREATED, DecisionRequirementsRecord.class,
        (key, r) -> d.putDrg(new DeploymentState.DeployedDrg(r, models.decisionRequirements(r))));
    on(DecisionRequirementsIntent.DELETED, DecisionRequirementsRecord.class,
        (key, r) -> d.removeDrg(r.decisionRequirementsKey()));
    on(DecisionIntent.CREATED, DecisionRecord.class, (key, r) -> d.putDecision(r));
    on(DecisionIntent.DELETED, DecisionRecord.class, (key, r) -> d.removeDecision(r.decisionKey()));
    on(FormIntent.CREATED, FormRecord.class, (key, r) -> d.putForm(r));
    on(FormIntent.DELETED, FormRecord.class, (key, r) -> d.removeForm(r.formKey()));
  }

  private void registerProcessInstance() {
    ElementInstanceState ei = state.elementInstances();
    VariableState vars = state.variables();
    on(ProcessInstanceIntent.ELEMENT_ACTIVATING, ProcessInstanceRecord.class, (key, v) -> {
      ei.activating(key, v);
      vars.declareScope(key, v.flowScopeKey());
      if (v.flowScopeKey() < 0 && v.parentElementInstanceKey() > 0) {
        ei.setCalledChild(v.parentElementInstanceKey(), key);
      }
      if (BpmnElementType.PARALLEL_GATEWAY.name().equals(v.bpmnElementType())
          || BpmnElementType.INCLUSIVE_GATEWAY.name().equals(v.bpmnElementType())) {
        ExecutableElement gateway = element(v);
        if (gateway.incoming().size() > 1) {
          // one token from each incoming flow that has one (a parallel join has one on every flow)
          ei.joinConsumed(v.flowScopeKey(), gateway.incoming().stream().map(ExecutableSequenceFlow::id).toList());
        }
      }
    });
    on(ProcessInstanceIntent.ELEMENT_ACTIVATED, ProcessInstanceRecord.class,
        (key, v) -> ei.transition(key, ProcessInstanceIntent.ELEMENT_ACTIVATED));
    on(ProcessInstanceIntent.ELEMENT_COMPLETING, ProcessInstanceRecord.class,
        (key, v) -> ei.transition(key, ProcessInstanceIntent.ELEMENT_COMPLETING));
    on(ProcessInstanceIntent.ELEMENT_TERMINATING, ProcessInstanceRecord.class,
        (key, v) -> ei.transition(key, ProcessInstanceIntent.ELEMENT_TERMINATING));
    BiConsumer<Long, ProcessInstanceRecord> gone = (key, v) -> {
      ei.remove(key);
      vars.removeScope(key);
      if (v.flowScopeKey() < 0) {
        state.messages().instanceEnded(key);
      }
    };
    on(ProcessInstanceIntent.ELEMENT_COMPLETED, ProcessInstanceRecord.class, (key, v) -> {
      gone.accept(key, v);
      if (v.flowScopeKey() > 0) {
        state.compensations().scopeCompleted(key, v.flowScopeKey()); // a completed sub-process stays compensable
      } else {
        state.compensations().scopeGone(key);
      }
    });
    on(ProcessInstanceIntent.ELEMENT_TERMINATED, ProcessInstanceRecord.class, (key, v) -> {
      gone.accept(key, v);
      state.compensations().scopeGone(key);
    });
    on(ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN, ProcessInstanceRecord.class, (key, v) -> {
      ExecutableSequenceFlow flow = state.deployments().process(v.processDefinitionKey()).executable()
          .flows().get(v.elementId());
      if (flow.target().type().isJoiningGateway() && flow.target().incoming().size() > 1) {
        ei.tokenArrivedAtJoin(v.flowScopeKey(), flow.id());
      }
    });
    on(ProcessEventIntent.TRIGGERING, ProcessEventRecord.class, (key, v) -> ei.setPendingEvent(v.scopeKey(), v));
    on(ProcessEventIntent.TRIGGERED, ProcessEventRecord.class, (key, v) -> ei.clearPendingEvent(v.scopeKey()));
  }

  private ExecutableElement element(ProcessInstanceRecord v) {
    return state.deployments().process(v.processDefinitionKey()).executable().element(v.elementId());
  }

  private void registerJob() {
    JobState jobs = state.jobs();
    on(JobIntent.CREATED, JobRecord.class, (key, j) -> {
      jobs.put(key, j, State.ACTIVATABLE);
      state.elementInstances().setJobKey(j.elementInstanceKey(), key);
    });
    on(JobBatchIntent.ACTIVATED, JobBatchRecord.class, (key, batch) -> {
      for (int i = 0; i < batch.jobKeys().size(); i++) {
        jobs.put(batch.jobKeys().get(i), batch.jobs().get(i), State.ACTIVATED);
      }
    });
    BiConsumer<Long, JobRecord> removed = (key, j) -> {
      jobs.remove(key);
      state.elementInstances().setJobKey(j.elementInstanceKey(), -1);
    };
    on(JobIntent.COMPLETED, JobRecord.class, removed);
    on(JobIntent.CANCELED, JobRecord.class, removed);
    on(JobIntent.TIMED_OUT, JobRecord.class, (key, j) -> jobs.put(key, j, State.ACTIVATABLE));
    on(JobIntent.YIELDED, JobRecord.class, (key, j) -> jobs.put(key, j, State.ACTIVATABLE));
    on(JobIntent.RECURRED_AFTER_BACKOFF, JobRecord.class, (key, j) -> jobs.put(key, j, State.ACTIVATABLE));
    on(JobIntent.FAILED, JobRecord.class, (key, j) -> jobs.put(key, j,
        j.retries() <= 0 ? State.FAILED : j.retryBackoff() > 0 ? State.BACKOFF : State.ACTIVATABLE));
    on(JobIntent.ERROR_THROWN, JobRecord.class, (key, j) -> jobs.put(key, j, State.ERROR_THROWN));
    on(JobIntent.RETRIES_UPDATED, JobRecord.class, (key, j) -> jobs.put(key, j, jobs.get(key).state()));
    on(JobIntent.TIMEOUT_UPDATED, JobRecord.class, (key, j) -> jobs.put(key, j, State.ACTIVATED));
  }

  private void registerEvents() {
    TimerState timers = state.timers();
    on(TimerIntent.CREATED, TimerRecord.class, timers::put);
    on(TimerIntent.TRIGGERED, TimerRecord.class, (key, t) -> timers.remove(key));
    on(TimerIntent.CANCELED, TimerRecord.class, (key, t) -> timers.remove(key));

    MessageState messages = state.messages();
    on(MessageIntent.PUBLISHED, MessageRecord.class, (key, m) -> {
      if (m.timeToLive() > 0) {
        messages.putMessage(key, m);
      }
    });
    on(MessageIntent.EXPIRED, MessageRecord.class, (key, m) -> messages.removeMessage(key));
    on(MessageSubscriptionIntent.CREATED, MessageSubscriptionRecord.class, messages::putSubscription);
    on(MessageSubscriptionIntent.CORRELATED, MessageSubscriptionRecord.class,
        (key, s) -> messages.markCorrelated(s.messageKey(), s.processInstanceKey()));
    on(MessageSubscriptionIntent.DELETED, MessageSubscriptionRecord.class, (key, s) -> messages.removeSubscription(key));
    on(MessageStartEventSubscriptionIntent.CREATED, MessageStartEventSubscriptionRecord.class,
        (key, s) -> messages.putStartSubscription(s));
    on(MessageStartEventSubscriptionIntent.DELETED, MessageStartEventSubscriptionRecord.class,
        (key, s) -> messages.removeStartSubscriptions(s.processDefinitionKey()));
    on(MessageStartEventSubscriptionIntent.CORRELATED, MessageStartEventSubscriptionRecord.class, (key, s) -> {
      messages.markCorrelated(s.messageKey(), s.processInstanceKey());
      if (s.correlationKey() != null && !s.correlationKey().isEmpty()) {
        messages.startedByMessage(s.bpmnProcessId(), s.correlationKey(), s.processInstanceKey());
      }
    });
  }

  private void registerVariablesIncidentsUserTasks() {
    VariableState vars = state.variables();
    BiConsumer<Long, VariableRecord> set = (key, v) -> vars.set(v.scopeKey(), v.name(), key, v.value());
    on(VariableIntent.CREATED, VariableRecord.class, set);
    on(VariableIntent.UPDATED, VariableRecord.class, set);

    IncidentState incidents = state.incidents();
    on(IncidentIntent.CREATED, IncidentRecord.class, incidents::put);
    on(IncidentIntent.RESOLVED, IncidentRecord.class, (key, i) -> {
      incidents.remove(key);
      JobState.Job job = i.jobKey() > 0 ? state.jobs().get(i.jobKey()) : null;
      if (job != null && job.record().retries() > 0) {
        state.jobs().put(i.jobKey(), job.record(), State.ACTIVATABLE);
      }
    });

    UserTaskState tasks = state.userTasks();
    on(UserTaskIntent.CREATED, UserTaskRecord.class, (key, t) -> {
      tasks.put(key, t, UserTaskState.State.CREATED);
      state.elementInstances().setUserTaskKey(t.elementInstanceKey(), key);
    });
    on(UserTaskIntent.CREATING, UserTaskRecord.class, (key, t) -> {
      tasks.put(key, t, UserTaskState.State.CREATING, t);
      state.elementInstances().setUserTaskKey(t.elementInstanceKey(), key);
    });
    on(UserTaskIntent.ASSIGNING, UserTaskRecord.class,
        (key, t) -> tasks.transitionStarted(key, UserTaskState.State.ASSIGNING, t));
    on(UserTaskIntent.ASSIGNED, UserTaskRecord.class, (key, t) -> tasks.put(key, t, UserTaskState.State.CREATED));
    on(UserTaskIntent.UPDATING, UserTaskRecord.class,
        (key, t) -> tasks.transitionStarted(key, UserTaskState.State.UPDATING, t));
    on(UserTaskIntent.UPDATED, UserTaskRecord.class, (key, t) -> tasks.put(key, t, UserTaskState.State.CREATED));
    on(UserTaskIntent.COMPLETING, UserTaskRecord.class,
        (key, t) -> tasks.transitionStarted(key, UserTaskState.State.COMPLETING, t));
    on(UserTaskIntent.CORRECTED, UserTaskRecord.class, (key, t) -> tasks.corrected(key, t));
    on(io.caseway.engine.protocol.intent.VariableDocumentIntent.UPDATING,
        io.caseway.engine.protocol.value.VariableDocumentRecord.class,
        (key, d) -> tasks.variablesPending(state.elementInstances().get(d.scopeKey()).userTaskKey(), d));
    on(UserTaskIntent.ASSIGNMENT_DENIED, UserTaskRecord.class, (key, t) -> tasks.denied(key));
    on(UserTaskIntent.UPDATE_DENIED, UserTaskRecord.class, (key, t) -> tasks.denied(key));
    on(UserTaskIntent.COMPLETION_DENIED, UserTaskRecord.class, (key, t) -> tasks.denied(key));
    on(UserTaskIntent.CANCELING, UserTaskRecord.class, (key, t) -> tasks.put(key, t, UserTaskState.State.CANCELING));
    BiConsumer<Long, UserTaskRecord> gone = (key, t) -> {
      tasks.remove(key);
      state.elementInstances().setUserTaskKey(t.elementInstanceKey(), -1);
    };
    on(UserTaskIntent.COMPLETED, UserTaskRecord.class, gone);
    on(UserTaskIntent.CANCELED, UserTaskRecord.class, gone);
  }
}
