package io.caseway.engine.protocol.value;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.caseway.engine.expression.Json;
import java.util.List;

/**
 * What a worker answers beside its variables when it completes the job of an ad-hoc sub-process
 * (which inner elements to activate, or that the sub-process is done) or of a task listener (deny
 * the transition, correct the task). Carried in {@link JobRecord#result()} as a JSON document.
 */
public record JobResult(String type, List<ActivateElement> activateElements, boolean completionConditionFulfilled,
    boolean cancelRemainingInstances, boolean denied, String deniedReason, Corrections corrections) {

  public static final String AD_HOC_SUB_PROCESS = "adHocSubProcess";
  public static final String USER_TASK = "userTask";

  /** One inner element to activate, with variables (a JSON object, or null) local to its new instance. */
  public record ActivateElement(String elementId, String variables) {}

  /** Corrections a task listener makes to a user task; null fields are left as they are. */
  public record Corrections(String assignee, String dueDate, String followUpDate, List<String> candidateUsers,
      List<String> candidateGroups, Integer priority) {}

  public JobResult {
    activateElements = activateElements == null ? List.of() : List.copyOf(activateElements);
  }

  public static JobResult adHocSubProcess(List<ActivateElement> activateElements, boolean completionConditionFulfilled,
      boolean cancelRemainingInstances) {
    return new JobResult(AD_HOC_SUB_PROCESS, activateElements, completionConditionFulfilled, cancelRemainingInstances,
        false, null, null);
  }

  public static JobResult userTask(boolean denied, String deniedReason, Corrections corrections) {
    return new JobResult(USER_TASK, List.of(), false, false, denied, deniedReason, corrections);
  }

  public String toJson() {
    try {
      return Json.MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a job result", e);
    }
  }

  /** The result in a job record, or null when the worker gave none. */
  public static JobResult fromJson(String json) {
    if (json == null || json.isEmpty()) {
      return null;
    }
    try {
      return Json.MAPPER.readValue(json, JobResult.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read a job result: " + json, e);
    }
  }
}
