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

  /** The value of a command for the user task {@code key}; the command's own fields are set with the with-methods. */
  public static UserTaskRecord command(long key) {
    return new UserTaskRecord(key, null, null, null, null, null, -1, null, Map.of(), -1, null, null, List.of(), -1,
        null, -1, -1, null, -1, -1, null);
  }

  /** The value of an UPDATE command: only the attributes named in {@code changedAttributes} change. */
  public static UserTaskRecord updateCommand(long key, String dueDate, String followUpDate, List<String> candidateGroups,
      List<String> candidateUsers, int priority, List<String> changedAttributes, String action) {
    return new UserTaskRecord(key, null, candidateGroups, candidateUsers, dueDate, followUpDate, -1, null, Map.of(),
        priority, null, action, List.copyOf(changedAttributes), -1, null, -1, -1, null, -1, -1, null);
  }

  /**
   * The attributes named in {@code changedAttributes} (dueDate, followUpDate, candidateGroups,
   * candidateUsers, priority) taken from {@code changes}; the others stay as they are.
   */
  public UserTaskRecord withChanges(UserTaskRecord changes, List<String> changedAttributes, String action) {
    return new UserTaskRecord(userTaskKey, assignee,
        changedAttributes.contains("candidateGroups") ? changes.candidateGroups() : candidateGroups,
        changedAttributes.contains("candidateUsers") ? changes.candidateUsers() : candidateUsers,
        changedAttributes.contains("dueDate") ? changes.dueDate() : dueDate,
        changedAttributes.contains("followUpDate") ? changes.followUpDate() : followUpDate, formKey,
        externalFormReference, customHeaders, changedAttributes.contains("priority") ? changes.priority() : priority,
        variables, action, List.copyOf(changedAttributes), creationTimestamp, elementId, elementInstanceKey,
        processInstanceKey, bpmnProcessId, processDefinitionKey, processDefinitionVersion, tenantId);
  }

  public UserTaskRecord withAssignee(String assignee, String action) {
    return new UserTaskRecord(userTaskKey, assignee, candidateGroups, candidateUsers, dueDate, followUpDate, formKey,
        externalFormReference, customHeaders, priority, variables, action, List.of("assignee"), creationTimestamp,
        elementId, elementInstanceKey, processInstanceKey, bpmnProcessId, processDefinitionKey,
        processDefinitionVersion, tenantId);
  }

  /** The task as updating listeners see it when variables are set on its scope. */
  public UserTaskRecord withVariableUpdate(String variables, String action) {
    return new UserTaskRecord(userTaskKey, assignee, candidateGroups, candidateUsers, dueDate, followUpDate, formKey,
        externalFormReference, customHeaders, priority, variables, action, List.of("variables"), creationTimestamp,
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
