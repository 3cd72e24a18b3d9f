package io.caseway.engine.gateway;

import io.caseway.engine.expression.Json;
import io.caseway.engine.model.ExecutionListener;
import io.caseway.engine.processing.usertask.UserTaskTransitionBehavior;
import io.caseway.engine.protocol.value.JobRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How both gateways present an activated job: its kind, the lifecycle event of a listener job, the
 * user task a task listener works on (carried in engine headers), and the headers the model set.
 */
public record JobView(String kind, String listenerEventType, Map<String, String> customHeaders, UserTask userTask) {

  /** The user task data a task listener job carries. */
  public record UserTask(long userTaskKey, String action, String assignee, List<String> candidateGroups,
      List<String> candidateUsers, List<String> changedAttributes, String dueDate, String followUpDate, long formKey,
      int priority) {}

  public static JobView of(JobRecord job) {
    String event = job.listenerEventType();
    if (event == null) {
      return new JobView("BPMN_ELEMENT", "UNSPECIFIED", job.customHeaders(), null);
    }
    if (ExecutionListener.START.equals(event) || ExecutionListener.END.equals(event)) {
      return new JobView("EXECUTION_LISTENER", event, job.customHeaders(), null);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    Map<String, String> task = new LinkedHashMap<>();
    job.customHeaders().forEach((k, v) -> {
      if (k.startsWith(UserTaskTransitionBehavior.HEADER_PREFIX)) {
        task.put(k.substring(UserTaskTransitionBehavior.HEADER_PREFIX.length()), v);
      } else {
        headers.put(k, v);
      }
    });
    UserTask userTask = new UserTask(Long.parseLong(task.getOrDefault("userTaskKey", "-1")), task.get("action"),
        blankToNull(task.get("assignee")), list(task.get("candidateGroups")), list(task.get("candidateUsers")),
        list(task.get("changedAttributes")), blankToNull(task.get("dueDate")), blankToNull(task.get("followUpDate")),
        Long.parseLong(task.getOrDefault("formKey", "-1")), Integer.parseInt(task.getOrDefault("priority", "50")));
    return new JobView("TASK_LISTENER", event, headers, userTask);
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(String json) {
    return json == null || json.isEmpty() ? List.of() : (List<String>) Json.fromJson(json);
  }
}
