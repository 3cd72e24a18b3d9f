package io.caseway.engine.processing;

import io.caseway.engine.clock.EngineClock;
import io.caseway.engine.journal.Journal;
import io.caseway.engine.protocol.Intent;
import io.caseway.engine.protocol.Record;
import io.caseway.engine.protocol.RecordType;
import io.caseway.engine.protocol.RecordValue;
import io.caseway.engine.protocol.RejectionType;
import io.caseway.engine.protocol.ValueType;
import io.caseway.engine.state.EngineState;
import io.caseway.engine.state.EventAppliers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single processing loop of the engine's one partition. It takes commands one at a time,
 * runs each (and its follow-ups) to the end, appends the resulting events to the journal with one
 * fsync per batch, and only then answers callers and runs side effects. No locks in the core: the
 * state is touched by this thread alone.
 *
 * <p>Every {@code snapshotEveryRecords} journaled events, and once more when the loop stops, it
 * hands the state to the {@link Snapshotter} between two batches, right after a commit, when the
 * state is exactly what the journal says up to {@link EngineState#lastPosition()}.
 */
public final class StreamProcessor implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamProcessor.class);
  private static final int MAX_BATCH = 256;
  private static final long MAX_WAIT_MILLIS = 1000;

  private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
  private final ArrayDeque<Command> followUps = new ArrayDeque<>();
  private final List<Record> batch = new ArrayList<>();
  private final List<Runnable> afterCommit = new ArrayList<>();
  private final List<Record> streamBatch = new ArrayList<>();
  private final Map<Intent, CommandProcessor> processors;
  private final Journal journal;
  private final RecordCodec codec;
  private final EngineClock clock;
  private final StateRebuilder rebuilder;
  private final Snapshotter snapshotter;
  private final long snapshotEveryRecords;
  private final DueWork dueWork;
  private final List<RecordListener> listeners;
  private final Context ctx = new Context();
  private volatile boolean running = true;
  private EngineState state;
  private EventAppliers appliers;
  private long position;
  private long eventsSinceSnapshot;

  /** Rebuilds state from the snapshots and the journal (startup and recovery from a processing failure). */
  public interface StateRebuilder {
    Rebuilt rebuild() throws IOException;
  }

  /**
   * A rebuilt state, the appliers that change it, and the position of the last journal entry it
   * contains (the position the next record follows).
   */
  public record Rebuilt(EngineState state, EventAppliers appliers, long position) {}

  /** Takes snapshots of the state; called on the processing thread between batches. */
  public interface Snapshotter {
    /** Writes a snapshot of {@code state} (at its last position) unless one exists; must not throw. */
    void snapshot(EngineState state);
  }

  /** Finds timers, job deadlines, back-offs and message expiries that are due, as commands. */
  public interface DueWork {
    /** Commands for everything due at {@code now}; at most {@code limit}. */
    List<Command> due(EngineState state, long now, int limit);

    /** The next time anything is due, or Long.MAX_VALUE. */
    long nextDue(EngineState state);
  }

  public StreamProcessor(
      Map<Intent, CommandProcessor> processors,
      Journal journal,
      RecordCodec codec,
      EngineClock clock,
      StateRebuilder rebuilder,
      Snapshotter snapshotter,
      long snapshotEveryRecords,
      DueWork dueWork,
      List<RecordListener> listeners) {
    this.processors = processors;
    this.journal = journal;
    this.codec = codec;
    this.clock = clock;
    this.rebuilder = rebuilder;
    this.snapshotter = snapshotter;
    this.snapshotEveryRecords = snapshotEveryRecords;
    this.dueWork = dueWork;
    this.listeners = listeners;
    clock.onChange(this::wakeUp);
  }

  /** Loads the state from the snapshots and the journal. Call once before starting the loop thread. */
  public void recover() throws IOException {
    Rebuilt rebuilt = rebuilder.rebuild();
    state = rebuilt.state();
    appliers = rebuilt.appliers();
    position = rebuilt.position();
  }

  public EngineState state() {
    return state;
  }

  /** Queues a command from outside; its response arrives on its channel. */
  public void submit(Command command) {
    inbox.add(() -> process(command));
  }

  /** Submits a command and answers with its response record (or fails with a {@link CommandRejectedException}). */
  public java.util.concurrent.CompletableFuture<Record> submit(long key, Intent intent, RecordValue value) {
    java.util.concurrent.CompletableFuture<Record> future = new java.util.concurrent.CompletableFuture<>();
    submit(new Command(key, intent, value, new ResponseChannel() {
      @Override
      public void accept(Record record) {
        future.complete(record);
      }

      @Override
      public void reject(RejectionType type, String reason) {
        future.completeExceptionally(new CommandRejectedException(intent, type, reason));
      }
    }));
    return future;
  }

  /**
   * Runs a read-only task on the processing thread, between commands (queries that need a
   * consistent view of the state).
   */
  public void execute(Runnable task) {
    inbox.add(task);
  }

  public void wakeUp() {
    inbox.add(() -> {});
  }

  public void stop() {
    running = false;
    wakeUp();
  }

  @Override
  public void run() {
    while (running) {
      try {
        long wait = Math.min(MAX_WAIT_MILLIS, Math.max(0, dueWork.nextDue(state) - clock.millis()));
        Runnable task = wait == 0 ? inbox.poll() : inbox.poll(wait, TimeUnit.MILLISECONDS);
        int n = 0;
        while (task != null) {
          task.run();
          if (++n >= MAX_BATCH) {
            break;
          }
          task = inbox.poll();
        }
        processDueWork();
        commit();
        if (snapshotEveryRecords > 0 && eventsSinceSnapshot >= snapshotEveryRecords) {
          eventsSinceSnapshot = 0;
          snapshotter.snapshot(state);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("Processing loop failed; recovering the state from the journal", e);
        recoverAfterFailure();
      }
    }
    commit();
    snapshotter.snapshot(state);
  }

  private void processDueWork() {
    long now = clock.millis();
    for (Command command : dueWork.due(state, now, MAX_BATCH)) {
      if (stuck.contains(command.key())) {
        continue;
      }
      if (!process(command)) {
        // refused although due: never retry it in a loop; the state says why (see the log)
        LOG.warn("Due command {} for key {} was refused; it will not be retried until restart", command.intent(), command.key());
        stuck.add(command.key());
      }
    }
  }

  private final java.util.Set<Long> stuck = new java.util.HashSet<>();

  private boolean process(Command command) {
    boolean accepted = processOne(command);
    Command next;
    while ((next = followUps.poll()) != null) {
      processOne(next);
    }
    return accepted;
  }

  private boolean processOne(Command command) {
    CommandProcessor processor = processors.get(command.intent());
    int batchMark = batch.size();
    int sideEffectMark = afterCommit.size();
    ctx.begin(command);
    try {
      if (processor == null) {
        throw new Rejection(RejectionType.PROCESSING_ERROR,
            "The engine has no processor for command " + ValueType.of(command.value()) + "." + command.intent());
      }
      processor.process(command, ctx);
      ctx.finish();
      return true;
    } catch (Rejection r) {
      if (batch.size() > batchMark) {
        // a processor wrote events before refusing: undo them like any other failure
        rollback(command, batchMark, sideEffectMark, r);
        return false;
      }
      reject(command, r.type(), r.getMessage());
      return false;
    } catch (RuntimeException e) {
      LOG.error("Failed to process {} {}", command.intent(), command.value(), e);
      rollback(command, batchMark, sideEffectMark, e);
      return false;
    }
  }

  private void reject(Command command, RejectionType type, String reason) {
    Record rejection = new Record(++position, command.key(), ctx.now, RecordType.COMMAND_REJECTION,
        ValueType.of(command.value()), command.intent(), command.value(), type, reason);
    streamBatch.add(rejection);
    ResponseChannel channel = command.response();
    afterCommit.add(() -> channel.reject(type, reason));
  }

  /**
   * A processor failed after writing events: drop this command's events, make the earlier ones
   * durable, rebuild the state from the journal, and refuse the command. Nothing half-done stays.
   */
  private void rollback(Command command, int batchMark, int sideEffectMark, RuntimeException cause) {
    List<Record> kept = new ArrayList<>(batch.subList(0, batchMark));
    batch.clear();
    batch.addAll(kept);
    streamBatch.removeIf(r -> r.recordType() == RecordType.EVENT && !kept.contains(r));
    afterCommit.subList(sideEffectMark, afterCommit.size()).clear();
    followUps.clear();
    commit();
    recoverAfterFailure();
    String reason = cause instanceof Rejection ? cause.getMessage()
        : "The engine failed to process the command and left the state unchanged: " + cause;
    reject(command, cause instanceof Rejection r ? r.type() : RejectionType.PROCESSING_ERROR, reason);
    commit();
  }

  private void recoverAfterFailure() {
    batch.clear();
    followUps.clear();
    try {
      recover();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not rebuild the state from the journal", e);
    }
  }

  private void commit() {
    if (!batch.isEmpty()) {
      try {
        for (Record r : batch) {
          journal.append(r.position(), codec.encode(r));
        }
        journal.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not write the journal", e);
      }
      eventsSinceSnapshot += batch.size();
      batch.clear();
    }
    if (!streamBatch.isEmpty()) {
      List<Record> records = List.copyOf(streamBatch);
      streamBatch.clear();
      for (RecordListener l : listeners) {
        l.onRecords(records);
      }
    }
    if (!afterCommit.isEmpty()) {
      List<Runnable> effects = List.copyOf(afterCommit);
      afterCommit.clear();
      for (Runnable effect : effects) {
        try {
          effect.run();
        } catch (RuntimeException e) {
          LOG.warn("A side effect failed", e);
        }
      }
    }
  }

  private final class Context implements ProcessingContext {
    private Command command;
    private long now;
    private Record response;

    void begin(Command command) {
      this.command = command;
      this.now = clock.millis();
      this.response = null;
    }

    void finish() {
      Record r = response;
      ResponseChannel channel = command.response();
      if (r != null && channel != ResponseChannel.NONE) {
        afterCommit.add(() -> channel.accept(r));
      }
    }

    @Override
    public EngineState state() {
      return state;
    }

    @Override
    public long now() {
      return now;
    }

    @Override
    public long newKey() {
      return state.keys().nextKey();
    }

    @Override
    public Record event(long key, Intent intent, RecordValue value) {
      Record record = Record.event(++position, key, now, intent, value);
      appliers.apply(record);
      batch.add(record);
      streamBatch.add(record);
      return record;
    }

    @Override
    public void command(long key, Intent intent, RecordValue value) {
      followUps.add(Command.internal(key, intent, value));
    }

    @Override
    public void respond(Record record) {
      response = record;
    }

    @Override
    public void afterCommit(Runnable sideEffect) {
      afterCommit.add(sideEffect);
    }
  }
}
