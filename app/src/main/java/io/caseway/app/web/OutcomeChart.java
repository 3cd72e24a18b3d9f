package io.caseway.app.web;

import io.caseway.app.outcome.OutcomeEvent;
import io.caseway.app.outcome.Outcomes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A bar chart of outcomes (into work, still in work after 13 and after 26 weeks) per area, laid out
 * here and drawn as SVG by the page: no script, nothing for the content security policy to block.
 * The page also gives the figures as a table, which is the chart's text alternative.
 */
record OutcomeChart(String title, int height, List<Group> groups, List<Series> legend) {
  static final int WIDTH = 640;
  private static final int LABEL_WIDTH = 200;
  private static final int BAR_SPACE = 360;
  private static final int BAR_HEIGHT = 16;
  private static final int BAR_GAP = 4;
  private static final int GROUP_GAP = 18;
  private static final int TOP = 34;

  /** One kind of outcome: its name and its colour (GOV.UK palette, at least 3:1 against white). */
  record Series(OutcomeEvent.Kind kind, String label, String colour, int legendX) {}

  record Bar(String label, long value, int y, int width, String colour) {
    public int textX() {
      return LABEL_WIDTH + width + 6;
    }

    public int textY() {
      return y + BAR_HEIGHT - 3;
    }
  }

  record Group(String label, int labelY, List<Bar> bars) {}

  static final List<Series> SERIES = List.of(
      new Series(OutcomeEvent.Kind.INTO_WORK, "Into work", "#1d70b8", 0),
      new Series(OutcomeEvent.Kind.SUSTAINED_13_WEEKS, "In work after 13 weeks", "#00703c", 130),
      new Series(OutcomeEvent.Kind.SUSTAINED_26_WEEKS, "In work after 26 weeks", "#4c2c92", 330));

  /** The chart of these counts, one group of bars per area as {@code area} names it, in the order given. */
  static OutcomeChart of(String title, List<Outcomes.AreaCount> counts, Function<Outcomes.AreaCount, String> area) {
    Map<String, Map<OutcomeEvent.Kind, Long>> byArea = new LinkedHashMap<>();
    for (Outcomes.AreaCount c : counts) {
      byArea.computeIfAbsent(area.apply(c), a -> new LinkedHashMap<>()).merge(c.kind(), c.count(), Long::sum);
    }
    long most = byArea.values().stream().flatMap(m -> SERIES.stream().map(s -> m.getOrDefault(s.kind(), 0L)))
        .mapToLong(Long::longValue).max().orElse(0);
    List<Group> groups = new ArrayList<>();
    int y = TOP;
    for (var entry : byArea.entrySet()) {
      List<Bar> bars = new ArrayList<>();
      int barY = y + 4;
      for (Series s : SERIES) {
        long value = entry.getValue().getOrDefault(s.kind(), 0L);
        int width = most == 0 ? 0 : (int) Math.max(value == 0 ? 0 : 2, value * BAR_SPACE / most);
        bars.add(new Bar(s.label(), value, barY, width, s.colour()));
        barY += BAR_HEIGHT + BAR_GAP;
      }
      groups.add(new Group(entry.getKey(), y + BAR_HEIGHT, bars));
      y = barY + GROUP_GAP;
    }
    return new OutcomeChart(title, y, List.copyOf(groups), SERIES);
  }

  public int labelWidth() {
    return LABEL_WIDTH;
  }

  public int width() {
    return WIDTH;
  }
}
