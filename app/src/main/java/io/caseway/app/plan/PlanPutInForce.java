package io.caseway.app.plan;

import java.time.Instant;
import java.util.UUID;

/**
 * Published inside the transaction that puts a plan in force: placement journeys start for a
 * flex-job plan. {@code agreedInClarification}: the clarification guarantee agreed it, which ends
 * the clarification.
 */
public record PlanPutInForce(UUID planId, UUID caseId, Plan.Type type, boolean agreedInClarification, Instant at) {}
