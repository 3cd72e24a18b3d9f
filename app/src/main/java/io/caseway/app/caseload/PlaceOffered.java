package io.caseway.app.caseload;

import java.util.UUID;

/** A place may have become free for a case on the waiting list; its intake looks for a coach again. */
public record PlaceOffered(UUID caseId) {}
