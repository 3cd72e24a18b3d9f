/**
 * The engine's user tasks for Caseway's people: which case each belongs to, who may work on it,
 * and its Camunda Form read, shown and checked on Caseway's own pages (the same {@code .form}
 * files Tasklist shows), all through the Camunda REST API v2.
 */
package io.caseway.app.task;
