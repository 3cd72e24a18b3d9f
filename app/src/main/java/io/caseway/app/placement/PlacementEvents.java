package io.caseway.app.placement;

import java.time.LocalDate;
import java.util.UUID;

/** What placements tell the rest of Caseway (published inside the changing transaction). */
public final class PlacementEvents {
  private PlacementEvents() {}

  public record Started(UUID placementId, UUID caseId, Placement.Kind kind, LocalDate on) {}

  public record Ended(UUID placementId, UUID caseId, Placement.Kind kind, LocalDate on) {}

  public record CheckRecorded(UUID placementId, UUID caseId, int weeks, boolean sustained, LocalDate on) {}
}
