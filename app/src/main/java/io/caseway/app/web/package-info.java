/**
 * The server-rendered pages for coaches and managers (Thymeleaf with GOV.UK Frontend's styles, no
 * Node build): sign-in, a coach's "Today", a case, and the managers' dashboard. Pages call the
 * same services as the API; every read of a case goes through its access check, so it is audited
 * and refused when not allowed. The process owner's pages (processes, a version's diagram,
 * incidents, deployments) read and command the engine through the Camunda client only.
 */
package io.caseway.app.web;
