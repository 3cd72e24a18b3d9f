package io.caseway.app.casefile;

import java.util.UUID;

/** Published inside the closing transaction: the caseworker's caseload frees a place; a lasting solution counts. */
public record CaseClosed(UUID caseId, Track track, UUID caseworkerId, LastingSolution lastingSolution,
    java.time.Instant closedAt) {}
