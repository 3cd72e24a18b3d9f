package io.caseway.engine.processing.clock;

import io.caseway.engine.clock.EngineClock;
import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.protocol.intent.ClockIntent;
import io.caseway.engine.protocol.value.ClockRecord;

/** Pins the clock, moves it forward by an offset, or resets it to the system clock. */
public final class ClockProcessor implements CommandProcessor {
  private final EngineClock clock;

  public ClockProcessor(EngineClock clock) {
    this.clock = clock;
  }

  @Override
  public void process(Command command, ProcessingContext ctx) {
    ClockRecord request = command.valueAs(ClockRecord.class);
    switch ((ClockIntent) command.intent()) {
      case PIN -> {
        if (request.pinnedMillis() < 0) {
          throw Rejection.invalidArgument("Expected to pin the clock to an instant, but none was given");
        }
        ctx.respond(ctx.event(ctx.newKey(), ClockIntent.PINNED, new ClockRecord(request.pinnedMillis(), 0)));
      }
      case ADD_OFFSET -> {
        if (request.offsetMillis() < 0) {
          throw Rejection.invalidArgument("Expected a positive offset to move the clock forward, but it was "
              + request.offsetMillis() + " ms; time does not run backwards for timers");
        }
        ctx.respond(ctx.event(ctx.newKey(), ClockIntent.OFFSET_ADDED,
            new ClockRecord(clock.pinnedMillis(), clock.offsetMillis() + request.offsetMillis())));
      }
      case RESET -> ctx.respond(ctx.event(ctx.newKey(), ClockIntent.RESETTED, new ClockRecord(-1, 0)));
      default -> throw new IllegalArgumentException("Unexpected " + command.intent());
    }
  }
}
