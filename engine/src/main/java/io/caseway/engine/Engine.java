package io.caseway.engine;

import io.caseway.engine.clock.EngineClock;
import io.caseway.engine.dmn.DecisionEngine;
import io.caseway.engine.expression.ExpressionLanguage;
import io.caseway.engine.gateway.grpc.GrpcGateway;
import io.caseway.engine.gateway.rest.RestGateway;
import io.caseway.engine.journal.Journal;
import io.caseway.engine.journal.JournalOptions;
import io.caseway.engine.journal.SnapshotStore;
import io.caseway.engine.model.BpmnElementType;
import io.caseway.engine.model.BpmnTransformer;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.EngineDueWork;
import io.caseway.engine.processing.RecordCodec;
import io.caseway.engine.processing.RecordListener;
import io.caseway.engine.processing.StateRecovery;
import io.caseway.engine.processing.StreamProcessor;
import io.caseway.engine.processing.bpmn.BpmnElementLifecycle;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.container.CallActivityProcessor;
import io.caseway.engine.processing.bpmn.container.ProcessProcessor;
import io.caseway.engine.processing.bpmn.container.SubProcessProcessor;
import io.caseway.engine.processing.bpmn.event.CatchEventProcessor;
import io.caseway.engine.processing.bpmn.event.EndEventProcessor;
import io.caseway.engine.processing.bpmn.gateway.ExclusiveGatewayProcessor;
import io.caseway.engine.processing.bpmn.task.BusinessRuleTaskProcessor;
import io.caseway.engine.processing.bpmn.task.JobWorkerTaskProcessor;
import io.caseway.engine.processing.bpmn.task.PassThroughProcessor;
import io.caseway.engine.processing.bpmn.task.ScriptTaskProcessor;
import io.caseway.engine.processing.bpmn.task.UserTaskProcessor;
import io.caseway.engine.processing.clock.ClockProcessor;
import io.caseway.engine.processing.decision.DecisionEvaluationBehavior;
import io.caseway.engine.processing.decision.DecisionEvaluationEvaluateProcessor;
import io.caseway.engine.processing.deployment.DeploymentCreateProcessor;
import io.caseway.engine.processing.deployment.ResourceModelCache;
import io.caseway.engine.processing.incident.IncidentResolveProcessor;
import io.caseway.engine.processing.instance.ProcessInstanceCancelProcessor;
import io.caseway.engine.processing.instance.ProcessInstanceCreationCreateProcessor;
import io.caseway.engine.processing.job.JobBatchActivateProcessor;
import io.caseway.engine.processing.job.JobCompleteProcessor;
import io.caseway.engine.processing.job.JobFailProcessor;
import io.caseway.engine.processing.job.JobStreams;
import io.caseway.engine.processing.job.JobThrowErrorProcessor;
import io.caseway.engine.processing.job.JobUpdateProcessors;
import io.caseway.engine.processing.message.MessageCorrelationBehavior;
import io.caseway.engine.processing.message.MessageExpireProcessor;
import io.caseway.engine.processing.message.MessagePublishProcessor;
import io.caseway.engine.processing.resource.ResourceDeletionDeleteProcessor;
import io.caseway.engine.processing.timer.TimerTriggerProcessor;
import io.caseway.engine.processing.variable.VariableDocumentUpdateProcessor;
import io.caseway.engine.protocol.Intent;
import io.caseway.engine.protocol.Record;
import io.caseway.engine.protocol.RecordValue;
import io.caseway.engine.protocol.intent.ClockIntent;
import io.caseway.engine.protocol.intent.DecisionEvaluationIntent;
import io.caseway.engine.protocol.intent.DeploymentIntent;
import io.caseway.engine.protocol.intent.IncidentIntent;
import io.caseway.engine.protocol.intent.JobBatchIntent;
import io.caseway.engine.protocol.intent.JobIntent;
import io.caseway.engine.protocol.intent.MessageIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceCreationIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.intent.ResourceDeletionIntent;
import io.caseway.engine.protocol.intent.TimerIntent;
import io.caseway.engine.protocol.intent.VariableDocumentIntent;
import io.caseway.engine.protocol.value.ClockRecord;
import io.caseway.engine.state.EngineState;
import io.caseway.engine.state.EventAppliers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caseway's embedded BPMN engine: one partition, one processing thread, a durable journal, and a
 * gRPC gateway that the unmodified Camunda 8 client talks to. {@link #start} recovers the state
 * from the data directory (the newest usable snapshot plus the journal after it); {@link #close}
 * stops it, taking a last snapshot. See docs/adr/0001-own-engine.md.
 */
public final class Engine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  private final EngineConfig config;
  private final EngineClock clock = new EngineClock();
  private final JobStreams jobStreams = new JobStreams();
  private final RecordCodec codec = new RecordCodec();
  private final List<Record> records = new CopyOnWriteArrayList<>();
  private final List<RecordListener> listeners = new CopyOnWriteArrayList<>();
  private final Journal journal;
  private final StateRecovery recovery;
  private final StreamProcessor processor;
  private final Thread thread;
  private final GrpcGateway grpc;
  private final RestGateway rest;
  private final io.caseway.engine.gateway.rest.MonitoringGateway monitoring;
  private final io.caseway.engine.query.Projections projections = new io.caseway.engine.query.Projections();
  private final io.caseway.engine.query.ProjectionStore projectionStore;

  private Engine(EngineConfig config) throws IOException {
    this.config = config;
    long started = System.nanoTime();
    Clock javaClock = new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return clock.instant();
      }
    };
    ExpressionLanguage el = new ExpressionLanguage(javaClock);
    DecisionEngine decisions = new DecisionEngine(javaClock);
    ResourceModelCache models = new ResourceModelCache(new BpmnTransformer(el), decisions);
    BpmnBehaviors b = BpmnBehaviors.create(el, decisions, jobStreams);
    Map<Intent, CommandProcessor> processors = processors(b, models);
    ClockProcessor clockProcessor = new ClockProcessor(clock);
    for (ClockIntent i : List.of(ClockIntent.PIN, ClockIntent.ADD_OFFSET, ClockIntent.RESET)) {
      processors.put(i, clockProcessor);
    }
    this.journal = Journal.open(config.dataDirectory().resolve("journal"),
        new JournalOptions(config.journalSegmentBytes(), config.fsync()));
    if (config.keepRecords()) {
      listeners.add(records::addAll);
    }
    Path snapshotDirectory = config.dataDirectory().resolve("snapshots");
    this.recovery = new StateRecovery(journal, new SnapshotStore(snapshotDirectory, 2), snapshotDirectory, codec,
        clock, models, EngineState::new, state -> new EventAppliers(state, models, clock));
    projections.setRetention(config.searchRetention());
    this.projectionStore = new io.caseway.engine.query.ProjectionStore(projections,
        config.dataDirectory().resolve("projections"), config.fsync());
    recovery.setSidecar(projectionStore);
    listeners.add(projectionStore);
    this.processor = new StreamProcessor(processors, journal, codec, clock, recovery, recovery,
        config.snapshotEveryRecords(), new EngineDueWork(), listeners);
    b.jobs().onPushFailed(key -> processor.submit(io.caseway.engine.processing.Command.internal(key, JobIntent.YIELD,
        io.caseway.engine.protocol.value.JobRecord.command())));
    try {
      processor.recover();
    } catch (IOException | RuntimeException e) {
      try {
        journal.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    LOG.info("Recovered {} element instances, {} jobs and {} timers from {} in {} ms",
        processor.state().elementInstances().size(), processor.state().jobs().size(),
        processor.state().timers().size(), config.dataDirectory(), (System.nanoTime() - started) / 1_000_000);
    this.thread = new Thread(processor, "caseway-engine-partition-1");
    thread.start();
    this.grpc = new GrpcGateway(this, config.host(), config.grpcPort());
    try {
      this.rest = config.restPort() < 0 ? null : new RestGateway(this, config.host(), config.restPort());
      try {
        this.monitoring = config.monitoringPort() < 0 ? null
            : new io.caseway.engine.gateway.rest.MonitoringGateway(this, config.host(), config.monitoringPort());
      } catch (RuntimeException e) {
        if (rest != null) {
          rest.close();
        }
        throw e;
      }
    } catch (RuntimeException e) {
      grpc.close();
      processor.stop();
      try {
        thread.join(10_000);
        journal.close();
      } catch (InterruptedException | IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  public static Engine start(EngineConfig config) {
    try {
      return new Engine(config);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the engine on " + config.dataDirectory(), e);
    }
  }

  private static Map<Intent, CommandProcessor> processors(BpmnBehaviors b, ResourceModelCache models) {
    BpmnElementLifecycle lifecycle = new BpmnElementLifecycle(b);
    MessageCorrelationBehavior correlation = new MessageCorrelationBehavior(b.events(), b.state(), lifecycle);
    lifecycle.setCorrelation(correlation);
    DecisionEvaluationBehavior decisions = new DecisionEvaluationBehavior(b.decisions());
    PassThroughProcessor passThrough = new PassThroughProcessor(lifecycle);
    CatchEventProcessor catchEvent = new CatchEventProcessor(b, lifecycle);
    lifecycle.registerJobProcessor(new JobWorkerTaskProcessor(b, lifecycle));
    lifecycle.register(BpmnElementType.PROCESS, new ProcessProcessor(b.starter()));
    lifecycle.register(BpmnElementType.SUB_PROCESS, new SubProcessProcessor(b, lifecycle));
    lifecycle.register(BpmnElementType.EVENT_SUB_PROCESS, new SubProcessProcessor(b, lifecycle));
    lifecycle.registerAdHocSubProcess(
        new io.caseway.engine.processing.bpmn.container.AdHocSubProcessProcessor(b, lifecycle));
    lifecycle.registerMultiInstanceBody(
        new io.caseway.engine.processing.bpmn.container.MultiInstanceBodyProcessor(b, lifecycle));
    lifecycle.register(BpmnElementType.CALL_ACTIVITY, new CallActivityProcessor(b, lifecycle));
    lifecycle.register(BpmnElementType.START_EVENT, passThrough);
    var signals = new io.caseway.engine.processing.signal.SignalBroadcastBehavior(b, lifecycle);
    lifecycle.register(BpmnElementType.INTERMEDIATE_THROW_EVENT,
        new io.caseway.engine.processing.bpmn.event.ThrowEventProcessor(b, lifecycle, signals));
    lifecycle.register(BpmnElementType.BOUNDARY_EVENT, passThrough);
    lifecycle.register(BpmnElementType.MANUAL_TASK, passThrough);
    lifecycle.register(BpmnElementType.TASK, passThrough);
    lifecycle.register(BpmnElementType.PARALLEL_GATEWAY, passThrough);
    lifecycle.register(BpmnElementType.END_EVENT, new EndEventProcessor(b, lifecycle, signals));
    lifecycle.register(BpmnElementType.INTERMEDIATE_CATCH_EVENT, catchEvent);
    lifecycle.register(BpmnElementType.RECEIVE_TASK, catchEvent);
    lifecycle.register(BpmnElementType.EXCLUSIVE_GATEWAY, new ExclusiveGatewayProcessor(b, lifecycle));
    lifecycle.register(BpmnElementType.EVENT_BASED_GATEWAY, catchEvent);
    lifecycle.register(BpmnElementType.INCLUSIVE_GATEWAY,
        new io.caseway.engine.processing.bpmn.gateway.InclusiveGatewayProcessor(b, lifecycle));
    var userTaskTransitions = new io.caseway.engine.processing.usertask.UserTaskTransitionBehavior(b, lifecycle);
    lifecycle.register(BpmnElementType.USER_TASK, new UserTaskProcessor(b, lifecycle, userTaskTransitions));
    lifecycle.register(BpmnElementType.SCRIPT_TASK, new ScriptTaskProcessor(b, lifecycle));
    lifecycle.register(BpmnElementType.BUSINESS_RULE_TASK, new BusinessRuleTaskProcessor(b, lifecycle, decisions));

    Map<Intent, CommandProcessor> map = new HashMap<>();
    for (ProcessInstanceIntent i : List.of(ProcessInstanceIntent.ACTIVATE_ELEMENT, ProcessInstanceIntent.COMPLETE_ELEMENT,
        ProcessInstanceIntent.TERMINATE_ELEMENT, ProcessInstanceIntent.CONTINUE_TERMINATING)) {
      map.put(i, lifecycle);
    }
    map.put(ProcessInstanceIntent.CANCEL, new ProcessInstanceCancelProcessor());
    var create = new ProcessInstanceCreationCreateProcessor(b);
    map.put(ProcessInstanceCreationIntent.CREATE, create);
    map.put(ProcessInstanceCreationIntent.CREATE_WITH_AWAITING_RESULT, create);
    map.put(DeploymentIntent.CREATE, new DeploymentCreateProcessor(models, b.expressions(), b.events()));
    map.put(ResourceDeletionIntent.DELETE, new ResourceDeletionDeleteProcessor());
    map.put(JobBatchIntent.ACTIVATE, new JobBatchActivateProcessor(b.jobs()));
    map.put(JobIntent.COMPLETE, new JobCompleteProcessor(b.state(), lifecycle, userTaskTransitions));
    map.put(JobIntent.FAIL, new JobFailProcessor(b));
    map.put(JobIntent.THROW_ERROR, new JobThrowErrorProcessor(b));
    map.put(JobIntent.UPDATE_RETRIES, JobUpdateProcessors.updateRetries());
    map.put(JobIntent.UPDATE_TIMEOUT, JobUpdateProcessors.updateTimeout());
    map.put(JobIntent.TIME_OUT, JobUpdateProcessors.timeOut(b.jobs()));
    map.put(JobIntent.RECUR_AFTER_BACKOFF, JobUpdateProcessors.recurAfterBackoff(b.jobs()));
    map.put(JobIntent.YIELD, JobUpdateProcessors.yield(b.jobs()));
    map.put(TimerIntent.TRIGGER, new TimerTriggerProcessor(b, lifecycle));
    map.put(MessageIntent.PUBLISH, new MessagePublishProcessor(b, correlation));
    map.put(MessageIntent.EXPIRE, new MessageExpireProcessor());
    map.put(VariableDocumentIntent.UPDATE, new VariableDocumentUpdateProcessor(b.variables(), b.state(),
        userTaskTransitions));
    map.put(IncidentIntent.RESOLVE, new IncidentResolveProcessor(b.jobs()));
    map.put(DecisionEvaluationIntent.EVALUATE, new DecisionEvaluationEvaluateProcessor(decisions));
    map.put(JobIntent.UPDATE, JobUpdateProcessors.update());
    map.put(io.caseway.engine.protocol.intent.AdHocSubProcessInstructionIntent.ACTIVATE,
        new io.caseway.engine.processing.bpmn.container.AdHocSubProcessActivateProcessor(b, lifecycle.adHocSubProcess()));
    map.put(io.caseway.engine.protocol.intent.SignalIntent.BROADCAST,
        new io.caseway.engine.processing.signal.SignalBroadcastProcessor(signals));
    map.put(io.caseway.engine.protocol.intent.PurgeIntent.PURGE,
        new io.caseway.engine.processing.purge.PurgeProcessor());
    map.put(io.caseway.engine.protocol.intent.MessageCorrelationIntent.CORRELATE,
        new io.caseway.engine.processing.message.MessageCorrelateProcessor(b, correlation));
    var assign = new io.caseway.engine.processing.usertask.UserTaskAssignProcessor(b.state(), userTaskTransitions);
    map.put(io.caseway.engine.protocol.intent.UserTaskIntent.ASSIGN, assign);
    map.put(io.caseway.engine.protocol.intent.UserTaskIntent.CLAIM, assign);
    map.put(io.caseway.engine.protocol.intent.UserTaskIntent.UPDATE,
        new io.caseway.engine.processing.usertask.UserTaskUpdateProcessor(b.state(), userTaskTransitions));
    map.put(io.caseway.engine.protocol.intent.UserTaskIntent.COMPLETE,
        new io.caseway.engine.processing.usertask.UserTaskCompleteProcessor(b.state(), userTaskTransitions));
    return map;
  }

  /** Submits a command; the future completes with the response record once its events are durable. */
  public CompletableFuture<Record> command(long key, Intent intent, RecordValue value) {
    return processor.submit(key, intent, value);
  }

  /** Runs a read on the processing thread and returns its result (a consistent view of the state). */
  public <T> CompletableFuture<T> query(java.util.function.Function<EngineState, T> read) {
    CompletableFuture<T> future = new CompletableFuture<>();
    processor.execute(() -> {
      try {
        future.complete(read.apply(processor.state()));
      } catch (RuntimeException e) {
        future.completeExceptionally(e);
      }
    });
    return future;
  }

  /**
   * Runs a read of the search projections on their own thread (a consistent view, after whole
   * committed batches, including those of every command already answered). The read must copy what
   * it returns.
   */
  public <T> CompletableFuture<T> search(java.util.function.Function<io.caseway.engine.query.Projections, T> read) {
    return projectionStore.search(read);
  }

  /**
   * Wipes all process data durably (deployments, instances, jobs, timers, messages, incidents, user
   * tasks, search projections); answers with the change id, which the topology then reports as
   * its last completed change.
   */
  public CompletableFuture<Long> purge() {
    return command(-1, io.caseway.engine.protocol.intent.PurgeIntent.PURGE,
        new io.caseway.engine.protocol.value.PurgeRecord(-1)).thenApply(Record::key);
  }

  /** The engine's clock (read-only; change it with the clock commands below). */
  public EngineClock clock() {
    return clock;
  }

  /** Pins the clock to an instant (time stands still until moved or reset). */
  public CompletableFuture<Instant> pinClock(Instant instant) {
    return command(-1, ClockIntent.PIN, new ClockRecord(instant.toEpochMilli(), 0)).thenApply(r -> clock.instant());
  }

  /** Moves the clock forward; timers that become due fire at once. */
  public CompletableFuture<Instant> addClockOffset(java.time.Duration offset) {
    return command(-1, ClockIntent.ADD_OFFSET, new ClockRecord(-1, offset.toMillis())).thenApply(r -> clock.instant());
  }

  /** Back to the system clock. */
  public CompletableFuture<Instant> resetClock() {
    return command(-1, ClockIntent.RESET, new ClockRecord(-1, 0)).thenApply(r -> clock.instant());
  }

  public JobStreams jobStreams() {
    return jobStreams;
  }

  public EngineConfig config() {
    return config;
  }

  public int grpcPort() {
    return grpc.port();
  }

  /** The port of the REST API v2, or -1 when it is off ({@link EngineConfig#restPort()} negative). */
  public int restPort() {
    return rest == null ? -1 : rest.port();
  }

  /** The monitoring port (clock and purge for Camunda Process Test), or -1 when it is off. */
  public int monitoringPort() {
    return monitoring == null ? -1 : monitoring.port();
  }

  /** The committed record stream so far (only with {@link EngineConfig#keepRecords()}). */
  public List<Record> records() {
    return new ArrayList<>(records);
  }

  /** Size and timings of the last snapshot this engine took, or null if it took none yet. */
  public StateRecovery.SnapshotStats lastSnapshot() {
    return recovery.lastSnapshot();
  }

  /** How the state was recovered at start (or after the last processing failure). */
  public StateRecovery.RecoveryStats lastRecovery() {
    return recovery.lastRecovery();
  }

  public void addRecordListener(RecordListener listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {
    if (monitoring != null) {
      monitoring.close();
    }
    if (rest != null) {
      rest.close();
    }
    grpc.close();
    processor.stop();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    projectionStore.close();
    try {
      journal.close();
    } catch (IOException e) {
      LOG.warn("Closing the journal failed", e);
    }
  }
}
