package io.caseway.app.shared;

import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;

/** What the engine said when it refused a command, in its own words, without the client's wrapping. */
public final class EngineRefusals {
  private EngineRefusals() {}

  /** The REST problem's detail or the gRPC status description; the exception's message when neither is there. */
  public static String reason(ClientException e) {
    if (e instanceof ProblemException p && p.details() != null && p.details().getDetail() != null) {
      return p.details().getDetail();
    }
    if (e instanceof ClientStatusException s && s.getStatus().getDescription() != null) {
      return s.getStatus().getDescription();
    }
    return e.getMessage();
  }
}
