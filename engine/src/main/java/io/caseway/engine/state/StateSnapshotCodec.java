package io.caseway.engine.state;

import io.caseway.engine.clock.EngineClock;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.value.DecisionRecord;
import io.caseway.engine.protocol.value.DecisionRequirementsRecord;
import io.caseway.engine.protocol.value.FormRecord;
import io.caseway.engine.protocol.value.IncidentRecord;
import io.caseway.engine.protocol.value.JobRecord;
import io.caseway.engine.protocol.value.MessageRecord;
import io.caseway.engine.protocol.value.MessageStartEventSubscriptionRecord;
import io.caseway.engine.protocol.value.MessageSubscriptionRecord;
import io.caseway.engine.protocol.value.ProcessEventRecord;
import io.caseway.engine.protocol.value.ProcessInstanceRecord;
import io.caseway.engine.protocol.value.ProcessRecord;
import io.caseway.engine.protocol.value.TimerRecord;
import io.caseway.engine.protocol.value.UserTaskRecord;
import io.caseway.engine.state.SnapshotBinary.In;
import io.caseway.engine.state.SnapshotBinary.Out;
import io.caseway.engine.state.SnapshotBinary.ReadPlan;
import io.caseway.engine.state.SnapshotBinary.Schema;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the whole {@link EngineState} (plus the key generator's next key and the clock's pinned
 * and offset values) as a snapshot payload, and fills an empty state from one.
 *
 * <h2>Format (version 1)</h2>
 *
 * Big-endian; counts and sizes are unsigned varints, longs and ints zig-zag varints, strings go
 * through a string table (see {@link SnapshotBinary}):
 *
 * <pre>
 * int magic "CWES" | varint format version
 * varlong last position | varlong next key | varlong clock pinned millis | varlong clock offset millis
 * schema table: for each record class, its simple name and its components (name, type code)
 * deployments | element instances | variables | jobs | timers | messages | incidents | user tasks
 * | signal subscriptions (from version 2) | message-started instances by correlation key (from version 3)
 * | compensable activities and running compensation handlers (from version 4)
 * int magic "CWES" (end marker; the payload must end exactly there)
 * </pre>
 *
 * Record values are written component by component in the order the schema table names; a reader
 * maps them onto its own record classes by component name, so a value that gains a component reads
 * old snapshots (the new component gets 0, false or null, as when Jackson reads an old journal).
 * Any other change of the layout must raise {@link #FORMAT_VERSION}; a reader refuses versions it
 * does not know, and recovery then falls back to an older snapshot or to the journal.
 *
 * <h2>Exactness</h2>
 *
 * Only primary data is stored; every index is rebuilt by the same mutators the event appliers
 * use, called in an order that reproduces the live index order: element instances parent first and
 * children in their scope's child order; activatable jobs per type in activation order; timers,
 * buffered messages, subscriptions and message start subscriptions grouped by the index list they
 * sit in, in that list's order. The one order that grouping cannot reproduce, the subscriptions of
 * one element instance, is written explicitly. Hash maps are refilled in their live iteration
 * order. Executable models are not stored: they are rebuilt from the deployed resources through
 * {@link ResourceModels}, as the appliers do.
 *
 * <p>Not thread-safe; call on the thread that owns the state.
 */
public final class StateSnapshotCodec {
  /** "CWES". */
  static final int MAGIC = 0x43574553;

  /**
   * 2: signal subscriptions after the user tasks; 3: then the running message-started instances per
   * correlation key; 4: then compensable activities and running compensation handlers; 5: each element
   * instance ends with whether its ad-hoc job worker fulfilled its completion condition; 6: each user
   * task ends with the task its running transition will leave and the variables waiting for its updating
   * listeners (or nothing). Older
   * versions (without them) are still read.
   */
  public static final int FORMAT_VERSION = 6;

  private static final Schema<ProcessRecord> PROCESS = new Schema<>(ProcessRecord.class);
  private static final Schema<DecisionRequirementsRecord> DRG = new Schema<>(DecisionRequirementsRecord.class);
  private static final Schema<DecisionRecord> DECISION = new Schema<>(DecisionRecord.class);
  private static final Schema<FormRecord> FORM = new Schema<>(FormRecord.class);
  private static final Schema<ProcessInstanceRecord> ELEMENT = new Schema<>(ProcessInstanceRecord.class);
  private static final Schema<ProcessEventRecord> PROCESS_EVENT = new Schema<>(ProcessEventRecord.class);
  private static final Schema<JobRecord> JOB = new Schema<>(JobRecord.class);
  private static final Schema<TimerRecord> TIMER = new Schema<>(TimerRecord.class);
  private static final Schema<MessageRecord> MESSAGE = new Schema<>(MessageRecord.class);
  private static final Schema<MessageSubscriptionRecord> SUBSCRIPTION = new Schema<>(MessageSubscriptionRecord.class);
  private static final Schema<MessageStartEventSubscriptionRecord> START_SUBSCRIPTION =
      new Schema<>(MessageStartEventSubscriptionRecord.class);
  private static final Schema<IncidentRecord> INCIDENT = new Schema<>(IncidentRecord.class);
  private static final Schema<UserTaskRecord> USER_TASK = new Schema<>(UserTaskRecord.class);
  private static final Schema<io.caseway.engine.protocol.value.SignalSubscriptionRecord> SIGNAL_SUBSCRIPTION =
      new Schema<>(io.caseway.engine.protocol.value.SignalSubscriptionRecord.class);
  private static final Schema<io.caseway.engine.protocol.value.CompensationSubscriptionRecord> COMPENSATION =
      new Schema<>(io.caseway.engine.protocol.value.CompensationSubscriptionRecord.class);
  private static final Schema<io.caseway.engine.protocol.value.VariableDocumentRecord> VARIABLE_DOCUMENT =
      new Schema<>(io.caseway.engine.protocol.value.VariableDocumentRecord.class);
  private static final List<Schema<?>> SCHEMAS = List.of(PROCESS, DRG, DECISION, FORM, ELEMENT, PROCESS_EVENT, JOB,
      TIMER, MESSAGE, SUBSCRIPTION, START_SUBSCRIPTION, INCIDENT, USER_TASK, SIGNAL_SUBSCRIPTION, COMPENSATION,
      VARIABLE_DOCUMENT);

  private StateSnapshotCodec() {}

  /**
   * The snapshot payload of {@code state} at its {@link EngineState#lastPosition()}.
   *
   * @throws IllegalStateException if the state's indexes disagree with its data (then no snapshot
   *     should be taken; the journal still holds everything)
   */
  public static byte[] write(EngineState state, EngineClock clock) {
    Out out = new Out();
    out.int32(MAGIC);
    out.varint(FORMAT_VERSION);
    out.varlong(state.lastPosition());
    out.varlong(state.keys().peek());
    out.varlong(clock.pinnedMillis());
    out.varlong(clock.offsetMillis());
    out.varint(SCHEMAS.size());
    for (Schema<?> schema : SCHEMAS) {
      schema.writeSchema(out);
    }
    writeDeployments(out, state.deployments());
    writeElementInstances(out, state.elementInstances());
    writeVariables(out, state.variables());
    writeJobs(out, state.jobs());
    writeTimers(out, state.timers());
    writeMessages(out, state.messages());
    writeIncidents(out, state.incidents());
    writeUserTasks(out, state.userTasks());
    out.varint(state.signals().subscriptionMap().size());
    state.signals().subscriptionMap().forEach((key, s) -> {
      out.varlong(key);
      SIGNAL_SUBSCRIPTION.write(out, s);
    });
    out.varint(state.messages().activeStartKeyMap().size());
    state.messages().activeStartKeyMap().forEach((composite, instance) -> {
      out.string(composite);
      out.varlong(instance);
    });
    int compensable = state.compensations().compensableMap().values().stream().mapToInt(List::size).sum();
    out.varint(compensable);
    state.compensations().compensableMap().values().forEach(list -> list.forEach(c -> COMPENSATION.write(out, c)));
    out.varint(state.compensations().throwEventOfHandlerMap().size());
    state.compensations().throwEventOfHandlerMap().forEach((handler, thrower) -> {
      out.varlong(handler);
      out.varlong(thrower);
    });
    out.int32(MAGIC);
    return out.toByteArray();
  }

  /**
   * Fills the empty {@code target} from a payload {@link #write} produced and sets the clock's
   * control values. Executable models are rebuilt with {@code models}.
   *
   * @throws IOException if the payload is damaged, from an unknown format version, or does not fit
   *     this engine's records; {@code target} is then partly filled and must be discarded, and the
   *     clock is unchanged
   */
  public static void read(byte[] payload, EngineState target, ResourceModels models, EngineClock clock)
      throws IOException {
    if (target.lastPosition() != 0 || target.elementInstances().size() != 0 || target.jobs().size() != 0) {
      throw new IllegalArgumentException("A snapshot can only be read into an empty state");
    }
    In in = new In(payload);
    try {
      if (in.int32() != MAGIC) {
        throw new IOException("not a state snapshot (bad magic)");
      }
      int version = in.varint();
      if (version < 1 || version > FORMAT_VERSION) {
        throw new IOException("state snapshot has format version " + version + "; this engine reads version "
            + FORMAT_VERSION);
      }
      long position = in.varlong();
      long nextKey = in.varlong();
      long pinned = in.varlong();
      long offset = in.varlong();
      Map<String, ReadPlan<?>> plans = SnapshotBinary.readSchemas(in, SCHEMAS);
      Reader r = new Reader(in, plans);
      readDeployments(r, target.deployments(), models);
      readElementInstances(r, target.elementInstances(), version);
      readVariables(r, target.variables());
      readJobs(r, target.jobs());
      readTimers(r, target.timers());
      readMessages(r, target.messages());
      readIncidents(r, target.incidents());
      readUserTasks(r, target.userTasks(), version);
      if (version >= 2) {
        for (int i = in.varint(); i > 0; i--) {
          long key = in.varlong();
          target.signals().put(key, r.record(SIGNAL_SUBSCRIPTION));
        }
      }
      if (version >= 3) {
        for (int i = in.varint(); i > 0; i--) {
          String composite = in.string();
          target.messages().restoreActiveStartKey(composite, in.varlong());
        }
      }
      if (version >= 4) {
        for (int i = in.varint(); i > 0; i--) {
          target.compensations().created(r.record(COMPENSATION));
        }
        for (int i = in.varint(); i > 0; i--) {
          long handler = in.varlong();
          target.compensations().restoreHandler(handler, in.varlong());
        }
      }
      if (in.int32() != MAGIC || !in.atEnd()) {
        throw new IOException("state snapshot does not end where its content ends (offset " + in.position()
            + " of " + payload.length + ")");
      }
      target.keys().restore(nextKey);
      target.setLastPosition(position);
      clock.restore(pinned, offset);
    } catch (RuntimeException e) {
      throw new IOException("state snapshot is damaged or does not fit this engine: " + e, e);
    }
  }

  /** Record reading by the plans of this snapshot's schema table. */
  private record Reader(In in, Map<String, ReadPlan<?>> plans) {
    <T extends Record> T record(Schema<T> schema) throws IOException {
      @SuppressWarnings("unchecked")
      ReadPlan<T> plan = (ReadPlan<T>) plans.get(schema.type.getSimpleName());
      if (plan == null) {
        throw new IOException("the snapshot's schema table has no " + schema.type.getSimpleName());
      }
      return plan.read(in);
    }

    <E extends Enum<E>> E enumValue(Class<E> type) throws IOException {
      String name = in.string();
      try {
        return Enum.valueOf(type, name);
      } catch (RuntimeException e) {
        throw new IOException("unknown " + type.getSimpleName() + " '" + name + "'");
      }
    }
  }

  private static void check(boolean consistent, String what) {
    if (!consistent) {
      throw new IllegalStateException("Cannot snapshot the state: " + what);
    }
  }

  // ---------------------------------------------------------------- deployments

  private static void writeDeployments(Out out, DeploymentState d) {
    out.varint(d.processMap().size());
    d.processMap().values().forEach(p -> PROCESS.write(out, p.record()));
    out.varint(d.drgMap().size());
    d.drgMap().values().forEach(p -> DRG.write(out, p.record()));
    out.varint(d.decisionMap().size());
    d.decisionMap().values().forEach(p -> DECISION.write(out, p));
    out.varint(d.formMap().size());
    d.formMap().values().forEach(p -> FORM.write(out, p));
    out.varint(d.highestVersionMap().size());
    d.highestVersionMap().forEach((id, version) -> {
      out.string(id);
      out.varlong(version);
    });
  }

  private static void readDeployments(Reader r, DeploymentState d, ResourceModels models) throws IOException {
    for (int i = r.in.varint(); i > 0; i--) {
      ProcessRecord p = r.record(PROCESS);
      d.putProcess(new DeploymentState.DeployedProcess(p, models.process(p)));
    }
    for (int i = r.in.varint(); i > 0; i--) {
      DecisionRequirementsRecord drg = r.record(DRG);
      d.putDrg(new DeploymentState.DeployedDrg(drg, models.decisionRequirements(drg)));
    }
    for (int i = r.in.varint(); i > 0; i--) {
      d.putDecision(r.record(DECISION));
    }
    for (int i = r.in.varint(); i > 0; i--) {
      d.putForm(r.record(FORM));
    }
    for (int i = r.in.varint(); i > 0; i--) {
      d.restoreHighestVersion(r.in.string(), r.in.varintValue());
    }
  }

  // ---------------------------------------------------------------- element instances

  /** Parents before children, children in their scope's order: activating them so rebuilds the child sets. */
  private static void writeElementInstances(Out out, ElementInstanceState state) {
    Map<Long, ElementInstance> instances = state.instanceMap();
    out.varint(instances.size());
    int written = 0;
    ArrayDeque<ElementInstance> stack = new ArrayDeque<>();
    for (ElementInstance root : instances.values()) {
      ElementInstance scope = instances.get(root.value().flowScopeKey());
      if (scope != null && scope.children.contains(root.key())) {
        continue; // written after its scope
      }
      stack.push(root);
      while (!stack.isEmpty()) {
        ElementInstance instance = stack.pop();
        writeElementInstance(out, instance);
        written++;
        List<ElementInstance> children = new ArrayList<>(instance.children.size());
        for (long child : instance.children) {
          ElementInstance c = instances.get(child);
          check(c != null, "element instance " + instance.key() + " lists child " + child + " which does not exist");
          children.add(c);
        }
        for (int i = children.size() - 1; i >= 0; i--) {
          stack.push(children.get(i));
        }
      }
    }
    check(written == instances.size(), "the element instances' child links do not form a tree");
    out.varint(state.pendingEventMap().size());
    state.pendingEventMap().forEach((key, event) -> {
      out.varlong(key);
      PROCESS_EVENT.write(out, event);
    });
  }

  private static void writeElementInstance(Out out, ElementInstance instance) {
    out.varlong(instance.key());
    ELEMENT.write(out, instance.value());
    out.string(instance.state().name());
    out.varlong(instance.jobKey());
    out.varlong(instance.userTaskKey());
    out.varlong(instance.calledChildInstanceKey());
    out.varint(instance.adHocCompletionFulfilled() ? 1 : 0);
    out.varint(instance.takenJoinFlows.size());
    instance.takenJoinFlows.forEach((flow, count) -> {
      out.string(flow);
      out.varlong(count);
    });
  }

  private static void readElementInstances(Reader r, ElementInstanceState state, int version) throws IOException {
    for (int i = r.in.varint(); i > 0; i--) {
      long key = r.in.varlong();
      ProcessInstanceRecord value = r.record(ELEMENT);
      ProcessInstanceIntent intent = r.enumValue(ProcessInstanceIntent.class);
      long jobKey = r.in.varlong();
      long userTaskKey = r.in.varlong();
      long calledChild = r.in.varlong();
      boolean adHocCompletionFulfilled = version >= 5 && r.in.varint() == 1;
      if (state.get(key) != null) {
        throw new IOException("element instance " + key + " appears twice");
      }
      state.activating(key, value);
      state.transition(key, intent);
      state.setJobKey(key, jobKey);
      state.setUserTaskKey(key, userTaskKey);
      state.setCalledChild(key, calledChild);
      if (adHocCompletionFulfilled) {
        state.setAdHocCompletionFulfilled(key);
      }
      for (int f = r.in.varint(); f > 0; f--) {
        state.restoreJoinFlow(key, r.in.string(), r.in.varintValue());
      }
    }
    for (int i = r.in.varint(); i > 0; i--) {
      long key = r.in.varlong();
      state.setPendingEvent(key, r.record(PROCESS_EVENT));
    }
  }

  // ---------------------------------------------------------------- variables

  private static void writeVariables(Out out, VariableState state) {
    out.varint(state.parentMap().size());
    state.parentMap().forEach((scope, parent) -> {
      out.varlong(scope);
      out.varlong(parent);
    });
    out.varint(state.scopeMap().size());
    state.scopeMap().forEach((scope, variables) -> {
      out.varlong(scope);
      out.varint(variables.size());
      variables.forEach((name, variable) -> {
        out.string(name);
        out.varlong(variable.key());
        out.string(variable.value());
      });
    });
  }

  private static void readVariables(Reader r, VariableState state) throws IOException {
    for (int i = r.in.varint(); i > 0; i--) {
      state.declareScope(r.in.varlong(), r.in.varlong());
    }
    for (int i = r.in.varint(); i > 0; i--) {
      long scope = r.in.varlong();
      for (int v = r.in.varint(); v > 0; v--) {
        String name = r.in.string();
        long key = r.in.varlong();
        state.set(scope, name, key, r.in.string());
      }
    }
  }

  // ---------------------------------------------------------------- jobs

  /** Activatable jobs first, per type in activation order, so that putting them back rebuilds the queues. */
  private static void writeJobs(Out out, JobState state) {
    Map<Long, JobState.Job> jobs = state.jobMap();
    out.varint(jobs.size());
    int written = 0;
    for (Map.Entry<String, LinkedHashSet<Long>> queue : state.activatableQueues().entrySet()) {
      for (long key : queue.getValue()) {
        JobState.Job job = jobs.get(key);
        check(job != null && job.state() == JobState.State.ACTIVATABLE && queue.getKey().equals(job.record().type()),
            "job " + key + " is queued for activation as " + queue.getKey() + " but is " + job);
        writeJob(out, key, job);
        written++;
      }
    }
    for (Map.Entry<Long, JobState.Job> e : jobs.entrySet()) {
      if (e.getValue().state() != JobState.State.ACTIVATABLE) {
        writeJob(out, e.getKey(), e.getValue());
        written++;
      }
    }
    check(written == jobs.size(), "an activatable job is missing from its type's activation queue");
  }

  private static void writeJob(Out out, long key, JobState.Job job) {
    out.varlong(key);
    JOB.write(out, job.record());
    out.string(job.state().name());
  }

  private static void readJobs(Reader r, JobState state) throws IOException {
    for (int i = r.in.varint(); i > 0; i--) {
      long key = r.in.varlong();
      JobRecord record = r.record(JOB);
      state.put(key, record, r.enumValue(JobState.State.class));
    }
  }

  // ---------------------------------------------------------------- timers

  private static void writeTimers(Out out, TimerState state) {
    Map<Long, TimerRecord> timers = state.timerMap();
    out.varint(timers.size());
    int written = 0;
    for (Map<Long, List<Long>> index : List.of(state.elementInstanceIndex(), state.processDefinitionIndex())) {
      for (List<Long> keys : index.values()) {
        for (long key : keys) {
          TimerRecord timer = timers.get(key);
          check(timer != null, "timer " + key + " is indexed but does not exist");
          out.varlong(key);
          TIMER.write(out, timer);
          written++;
        }
      }
    }
    check(written == timers.size(), "a timer is missing from the index of its element instance or process");
  }

  private static void readTimers(Reader r, TimerState state) throws IOException {
    for (int i = r.in.varint(); i > 0; i--) {
      long key = r.in.varlong();
      state.put(key, r.record(TIMER));
    }
  }

  // ---------------------------------------------------------------- messages

  private static void writeMessages(Out out, MessageState state) {
    Map<Long, MessageRecord> messages = state.messageMap();
    out.varint(messages.size());
    int written = 0;
    for (Set<Long> keys : state.messageIndex().values()) {
      for (long key : keys) {
        MessageRecord message = messages.get(key);
        check(message != null, "message " + key + " is indexed but not buffered");
        out.varlong(key);
        MESSAGE.write(out, message);
        written++;
      }
    }
    check(written == messages.size(), "a buffered message is missing from its name and correlation key index");

    out.varint(state.correlations().size());
    state.correlations().forEach((message, instances) -> {
      out.varlong(message);
      out.varint(instances.size());
      instances.forEach(out::varlong);
    });

    Map<Long, MessageSubscriptionRecord> subscriptions = state.subscriptionMap();
    out.varint(subscriptions.size());
    written = 0;
    for (Set<Long> keys : state.subscriptionIndex().values()) {
      for (long key : keys) {
        MessageSubscriptionRecord subscription = subscriptions.get(key);
        check(subscription != null, "message subscription " + key + " is indexed but does not exist");
        out.varlong(key);
        SUBSCRIPTION.write(out, subscription);
        written++;
      }
    }
    check(written == subscriptions.size(), "a message subscription is missing from its name and correlation key index");
    List<Map.Entry<Long, List<Long>>> orders = state.subscriptionsByElement().entrySet().stream()
        .filter(e -> e.getValue().size() > 1).toList();
    out.varint(orders.size());
    for (Map.Entry<Long, List<Long>> e : orders) {
      out.varlong(e.getKey());
      out.varint(e.getValue().size());
      e.getValue().forEach(out::varlong);
    }

    int starts = state.startSubscriptionMap().values().stream().mapToInt(List::size).sum();
    out.varint(starts);
    state.startSubscriptionMap().values().forEach(list -> list.forEach(s -> START_SUBSCRIPTION.write(out, s)));
  }

  private static void readMessages(Reader r, MessageState state) throws IOException {
    for (int i = r.in.varint(); i > 0; i--) {
      long key = r.in.varlong();
      state.putMessage(key, r.record(MESSAGE));
    }
    for (int i = r.in.varint(); i > 0; i--) {
      long message = r.in.varlong();
      for (int p = r.in.varint(); p > 0; p--) {
        state.markCorrelated(message, r.in.varlong());
      }
    }
    for (int i = r.in.varint(); i > 0; i--) {
      long key = r.in.varlong();
      state.putSubscription(key, r.record(SUBSCRIPTION));
    }
    for (int i = r.in.varint(); i > 0; i--) {
      long elementInstance = r.in.varlong();
      int n = r.in.varint();
      List<Long> keys = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        keys.add(r.in.varlong());
      }
      state.restoreSubscriptionOrder(elementInstance, keys);
    }
    for (int i = r.in.varint(); i > 0; i--) {
      state.putStartSubscription(r.record(START_SUBSCRIPTION));
    }
  }

  // ---------------------------------------------------------------- incidents and user tasks

  private static void writeIncidents(Out out, IncidentState state) {
    out.varint(state.incidentMap().size());
    state.incidentMap().forEach((key, incident) -> {
      out.varlong(key);
      INCIDENT.write(out, incident);
    });
  }

  private static void readIncidents(Reader r, IncidentState state) throws IOException {
    for (int i = r.in.varint(); i > 0; i--) {
      long key = r.in.varlong();
      state.put(key, r.record(INCIDENT));
    }
  }

  private static void writeUserTasks(Out out, UserTaskState state) {
    out.varint(state.all().size());
    state.all().forEach((key, task) -> {
      out.varlong(key);
      USER_TASK.write(out, task.record());
      out.string(task.state().name());
      out.varint(task.pending() == null ? 0 : 1);
      if (task.pending() != null) {
        USER_TASK.write(out, task.pending());
      }
      out.varint(task.variables() == null ? 0 : 1);
      if (task.variables() != null) {
        VARIABLE_DOCUMENT.write(out, task.variables());
      }
    });
  }

  private static void readUserTasks(Reader r, UserTaskState state, int version) throws IOException {
    for (int i = r.in.varint(); i > 0; i--) {
      long key = r.in.varlong();
      UserTaskRecord record = r.record(USER_TASK);
      UserTaskState.State taskState = r.enumValue(UserTaskState.State.class);
      UserTaskRecord pending = version >= 6 && r.in.varint() == 1 ? r.record(USER_TASK) : null;
      var variables = version >= 6 && r.in.varint() == 1 ? r.record(VARIABLE_DOCUMENT) : null;
      state.restore(key, new UserTaskState.UserTask(record, taskState, pending, variables));
    }
  }
}
