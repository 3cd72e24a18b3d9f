package io.caseway.engine.model;

import java.util.Collections;
import java.util.Map;

/** A deployable process: its root element, every element and flow by id, and its version tag (or null). */
public record ExecutableProcess(
    String bpmnProcessId,
    String name,
    ExecutableElement root,
    Map<String, ExecutableElement> elements,
    Map<String, ExecutableSequenceFlow> flows,
    String versionTag) {

  public ExecutableProcess {
    elements = Collections.unmodifiableMap(elements);
    flows = Collections.unmodifiableMap(flows);
  }

  public ExecutableElement element(String id) {
    ExecutableElement e = elements.get(id);
    if (e == null) {
      throw new IllegalArgumentException("Process '" + bpmnProcessId + "' has no element '" + id + "'");
    }
    return e;
  }
}
