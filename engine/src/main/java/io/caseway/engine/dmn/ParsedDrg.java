package io.caseway.engine.dmn;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.dmn.parser.ParsedDmn;

/**
 * A parsed decision requirements graph (one DMN resource): its id, name, namespace and decisions,
 * plus the parsed model that {@link DecisionEngine#evaluate} uses. Immutable; safe to share and to
 * evaluate concurrently.
 */
public final class ParsedDrg {

  private final String drgId;
  private final String drgName;
  private final String namespace;
  private final List<DecisionInfo> decisions;
  private final ParsedDmn handle;

  ParsedDrg(
      String drgId, String drgName, String namespace, List<DecisionInfo> decisions, ParsedDmn handle) {
    this.drgId = drgId;
    this.drgName = drgName;
    this.namespace = namespace;
    this.decisions = List.copyOf(decisions);
    this.handle = Objects.requireNonNull(handle);
  }

  /** The {@code id} of the DMN {@code definitions} element. */
  public String drgId() {
    return drgId;
  }

  /** The {@code name} of the DMN {@code definitions} element (may be null). */
  public String drgName() {
    return drgName;
  }

  /** The {@code namespace} of the DMN {@code definitions} element. */
  public String namespace() {
    return namespace;
  }

  /** The decisions in document order. */
  public List<DecisionInfo> decisions() {
    return decisions;
  }

  public Optional<DecisionInfo> decision(String decisionId) {
    return decisions.stream().filter(d -> d.decisionId().equals(decisionId)).findFirst();
  }

  ParsedDmn handle() {
    return handle;
  }

  @Override
  public String toString() {
    return "ParsedDrg[" + drgId + ", decisions=" + decisions + "]";
  }
}
