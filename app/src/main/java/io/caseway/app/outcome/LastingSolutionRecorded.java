package io.caseway.app.outcome;

import java.time.LocalDate;
import java.util.UUID;

/** Published inside the recording transaction: the case reached a lasting solution on that day. */
public record LastingSolutionRecorded(UUID caseId, LocalDate on) {}
