package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;
import java.util.List;
import java.util.Map;

/** A Zeebe user task (zeebe:userTask), held by the engine. */
public record UserTaskRecord(
    long userTaskKey,
    String assignee,
    List<String> candidateGroups,
    List<String> candidateUsers,
    String dueDate,
    String followUpDate,
    long formKey,
    String externalFormReference,
    Map<String, String> customHeaders,
    int priority,
    String variables,
    String action,
    List<String> changedAttributes,
    long creationTimestamp,
    String elementId,
    long elementInstanceKey,
    long processInstanceKey,
    String bpmnProcessId,
    long processDefinitionKey,
    int processDefinitionVersion,
    String tenantId)
    implements RecordValue {

  public UserTaskRecord withAssignee(String assignee, String action) {
    return new UserTaskRecord(userTaskKey, assignee, candidateGroups, candidateUsers, dueDate, followUpDate, formKey,
        externalFormReference, customHeaders, priority, variables, action, List.of("assignee"), creationTimestamp,
        elementId, elementInstanceKey, processInstanceKey, bpmnProcessId, processDefinitionKey,
        processDefinitionVersion, tenantId);
  }

  public UserTaskRecord withCompletion(String variables, String action) {
    return new UserTaskRecord(userTaskKey, assignee, candidateGroups, candidateUsers, dueDate, followUpDate, formKey,
        externalFormReference, customHeaders, priority, variables, action, List.of(), creationTimestamp,
        elementId, elementInstanceKey, processInstanceKey, bpmnProcessId, processDefinitionKey,
        processDefinitionVersion, tenantId);
  }
}
