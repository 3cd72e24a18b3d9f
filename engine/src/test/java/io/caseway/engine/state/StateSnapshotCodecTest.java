package io.caseway.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caseway.engine.clock.EngineClock;
import io.caseway.engine.dmn.ParsedDrg;
import io.caseway.engine.model.ExecutableProcess;
import io.caseway.engine.protocol.value.DecisionRequirementsRecord;
import io.caseway.engine.protocol.value.ProcessRecord;
import io.caseway.engine.state.SnapshotBinary.In;
import io.caseway.engine.state.SnapshotBinary.Out;
import io.caseway.engine.state.SnapshotBinary.ReadPlan;
import io.caseway.engine.state.SnapshotBinary.Schema;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The snapshot format refuses what it cannot read, and reads records that gained or lost components. */
public class StateSnapshotCodecTest {
  private static final ResourceModels NO_MODELS = new ResourceModels() {
    @Override
    public ExecutableProcess process(ProcessRecord record) {
      throw new AssertionError("no processes expected");
    }

    @Override
    public ParsedDrg decisionRequirements(DecisionRequirementsRecord record) {
      throw new AssertionError("no decisions expected");
    }
  };

  @Test
  void anEmptyStateRoundTripsWithItsKeysAndClock() throws IOException {
    EngineClock clock = new EngineClock();
    clock.restore(1_000, 42);
    EngineState state = new EngineState();
    state.keys().nextKey();
    state.setLastPosition(7);

    EngineState copy = new EngineState();
    EngineClock copyClock = new EngineClock();
    StateSnapshotCodec.read(StateSnapshotCodec.write(state, clock), copy, NO_MODELS, copyClock);

    StateDump.assertSame(StateDump.of(copy), StateDump.of(state), "empty state");
    assertThat(copy.keys().peek()).isEqualTo(state.keys().peek());
    assertThat(List.of(copyClock.pinnedMillis(), copyClock.offsetMillis())).containsExactly(1_000L, 42L);
  }

  @Test
  void anUnknownFormatVersionIsRefused() {
    byte[] payload = StateSnapshotCodec.write(new EngineState(), new EngineClock());
    payload[4] = (byte) (StateSnapshotCodec.FORMAT_VERSION + 1); // the varint right after the magic

    assertThatThrownBy(() -> StateSnapshotCodec.read(payload, new EngineState(), NO_MODELS, new EngineClock()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("format version " + (StateSnapshotCodec.FORMAT_VERSION + 1));
  }

  @Test
  void aTruncatedOrExtendedPayloadIsRefusedAndLeavesTheClockAlone() {
    EngineClock clock = new EngineClock();
    clock.restore(5, 0);
    byte[] payload = StateSnapshotCodec.write(new EngineState(), clock);
    EngineClock target = new EngineClock();

    assertThatThrownBy(() -> StateSnapshotCodec.read(Arrays.copyOf(payload, payload.length - 3), new EngineState(),
        NO_MODELS, target)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> StateSnapshotCodec.read(Arrays.copyOf(payload, payload.length + 1), new EngineState(),
        NO_MODELS, target)).isInstanceOf(IOException.class).hasMessageContaining("does not end");
    assertThat(target.pinnedMillis()).isEqualTo(-1);
  }

  public record Before(long key, String name, List<String> tags, boolean dropped) {}

  public record After(long key, String name, int added, Map<String, String> headers, boolean dropped) {}

  public record Retyped(String key) {}

  @Test
  void aRecordThatGainedOrLostComponentsReadsOldSnapshots() throws IOException {
    Schema<Before> before = new Schema<>(Before.class);
    Out out = new Out();
    before.write(out, new Before(5, "five", List.of("a", "b"), true));
    before.write(out, new Before(-1, null, null, false));

    ReadPlan<After> plan = new ReadPlan<>(new Schema<>(After.class), List.of(before.names), List.of(before.tags));
    In in = new In(out.toByteArray());

    assertThat(plan.read(in)).isEqualTo(new After(5, "five", 0, null, true));
    assertThat(plan.read(in)).isEqualTo(new After(-1, null, 0, null, false));
    assertThat(in.atEnd()).isTrue();
  }

  @Test
  void aComponentThatChangedTypeIsRefused() {
    Schema<Before> before = new Schema<>(Before.class);
    assertThatThrownBy(() -> new ReadPlan<>(new Schema<>(Retyped.class), List.of(before.names), List.of(before.tags)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("key");
  }
}
