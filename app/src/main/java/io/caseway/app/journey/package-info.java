/**
 * Starts and feeds the Journeys II processes from what happens in the case file: a flex-job plan
 * put in force starts {@code flex-job-placement}, a development flex job agreed starts
 * {@code development-flex-job}, a job started from benefit starts {@code try-work-protection}
 * ({@code job-started}) and its end is told ({@code job-ended}, {@code flex-job-ended}), the plan
 * the clarification guarantee agrees ends the clarification ({@code clarification-ended}), and a
 * lasting solution ends the annual reviews ({@code lasting-solution-recorded}). Every period comes
 * from the case's rule set (see docs/journeys.md).
 */
package io.caseway.app.journey;
