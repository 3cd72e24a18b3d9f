package io.caseway.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseway.engine.Engine;
import io.caseway.engine.EngineConfig;
import io.caseway.engine.processing.StateRecovery;
import io.caseway.engine.testing.EngineHarness;
import io.caseway.engine.testing.MixedWorkload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state recovered from a snapshot plus the journal after it is the state the engine had, and the
 * state a replay of the whole journal builds: every store, every index, the order of the
 * activation queues and child sets, the keys and the clock.
 */
class SnapshotEquivalenceTest {
  @TempDir Path tmp;

  /** A state dump plus what lives outside the state: the clock. */
  record Observed(Map<String, Object> state, long pinnedMillis, long offsetMillis) {
    static Observed of(Engine engine) {
      return engine.query(s -> new Observed(StateDump.of(s), engine.clock().pinnedMillis(),
          engine.clock().offsetMillis())).join();
    }

    void assertSameAs(Observed expected, String description) {
      StateDump.assertSame(state, expected.state, description);
      assertThat(List.of(pinnedMillis, offsetMillis)).as("%s: clock (pinned, offset)", description)
          .isEqualTo(List.of(expected.pinnedMillis, expected.offsetMillis));
    }
  }

  @Test
  void recoveryFromSnapshotAndJournalEqualsTheLiveStateAndAFullReplay() {
    Path data = tmp.resolve("data");
    Path withSnapshots = tmp.resolve("with-snapshots");
    Path journalOnly = tmp.resolve("journal-only");
    Observed live;
    try (EngineHarness h = new EngineHarness(data, c -> c.withSnapshotEveryRecords(50))) {
      MixedWorkload workload = new MixedWorkload(h);
      workload.run(() -> {});
      // the newest snapshot must lie before the end of the journal, so that recovery replays a suffix
      for (int i = 0; snapshotAtTheEnd(h.engine()); i++) {
        assertThat(i).as("attempts to move past the last snapshot").isLessThan(5);
        workload.publish("ping", "filler-" + i, Duration.ofHours(2), "");
        workload.settle();
      }
      assertThat(h.engine().lastSnapshot()).as("snapshots taken while the workload ran").isNotNull();
      // copy the data directory on the processing thread, where nothing changes meanwhile
      live = h.engine().query(state -> {
        copy(data, withSnapshots);
        copy(data.resolve("journal"), journalOnly.resolve("journal"));
        return new Observed(StateDump.of(state), h.engine().clock().pinnedMillis(), h.engine().clock().offsetMillis());
      }).join();
    }
    assertThat((Map<?, ?>) live.state().get("jobs")).isNotEmpty();

    try (Engine recovered = start(withSnapshots)) {
      StateRecovery.RecoveryStats stats = recovered.lastRecovery();
      assertThat(stats.snapshotPosition()).as("recovered from a snapshot").isPositive();
      assertThat(stats.journalEntries()).as("journal entries replayed after the snapshot").isPositive();
      Observed.of(recovered).assertSameAs(live, "snapshot + journal vs. live");
    }
    try (Engine replayed = start(journalOnly)) {
      assertThat(replayed.lastRecovery().snapshotPosition()).as("no snapshot, the whole journal").isEqualTo(-1);
      Observed.of(replayed).assertSameAs(live, "full replay vs. live");
    }
  }

  @Test
  void aSnapshotReadBackIsTheStateItWasTakenFrom() {
    try (EngineHarness h = new EngineHarness(tmp.resolve("data"), c -> c.withSnapshotEveryRecords(0))) {
      new MixedWorkload(h).run(() -> {});
      Engine engine = h.engine();
      Map<String, Object> original = engine.query(StateDump::of).join();
      byte[] payload = engine.query(s -> StateSnapshotCodec.write(s, engine.clock())).join();
      EngineState copy = new EngineState();
      long pinned = engine.clock().pinnedMillis();
      io.caseway.engine.clock.EngineClock clock = new io.caseway.engine.clock.EngineClock();
      ResourceModels models = engine.query(s -> new ResourceModels() {
        @Override
        public io.caseway.engine.model.ExecutableProcess process(io.caseway.engine.protocol.value.ProcessRecord r) {
          return s.deployments().process(r.processDefinitionKey()).executable();
        }

        @Override
        public io.caseway.engine.dmn.ParsedDrg decisionRequirements(
            io.caseway.engine.protocol.value.DecisionRequirementsRecord r) {
          return s.deployments().drg(r.decisionRequirementsKey()).parsed();
        }
      }).join();
      try {
        StateSnapshotCodec.read(payload, copy, models, clock);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      StateDump.assertSame(StateDump.of(copy), original, "read back");
      assertThat(clock.pinnedMillis()).isEqualTo(pinned);
      // and once more: a restored state snapshots to the same content
      byte[] again = StateSnapshotCodec.write(copy, clock);
      EngineState second = new EngineState();
      try {
        StateSnapshotCodec.read(again, second, models, new io.caseway.engine.clock.EngineClock());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      StateDump.assertSame(StateDump.of(second), original, "read back twice");
    }
  }

  private static boolean snapshotAtTheEnd(Engine engine) {
    long position = engine.query(EngineState::lastPosition).join();
    StateRecovery.SnapshotStats last = engine.lastSnapshot();
    return last != null && last.position() == position;
  }

  private static Engine start(Path data) {
    return Engine.start(EngineConfig.defaults(data).withGrpcPort(0).withMonitoringPort(-1).withRestPort(-1).withHost("127.0.0.1").withFsync(false)
        .withSnapshotEveryRecords(50));
  }

  static void copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
