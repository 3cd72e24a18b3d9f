/**
 * Retention per case track from the case's closure ({@code retention.<TRACK>} in the case's rule
 * set), and the erasure of a case's personal data once it has run out. The erasure reaches across
 * the other modules' tables in SQL on purpose: it must remove everything of one case in one
 * transaction, together with its access-log entry, and no module should offer a "delete all of a
 * case" operation of its own. A table that gets a case or citizen column must be added here.
 */
package io.caseway.app.retention;
