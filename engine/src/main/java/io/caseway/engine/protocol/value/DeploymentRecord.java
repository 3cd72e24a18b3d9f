package io.caseway.engine.protocol.value;

import io.caseway.engine.protocol.RecordValue;
import java.util.List;

/** A deployment of resources and the metadata of what was (or already had been) deployed. */
public record DeploymentRecord(
    List<Resource> resources,
    List<ProcessMetadata> processes,
    List<DecisionRequirementsMetadata> decisionRequirements,
    List<DecisionMetadata> decisions,
    List<FormMetadata> forms,
    String tenantId)
    implements RecordValue {

  public record Resource(String name, byte[] content) {}

  public record ProcessMetadata(
      String bpmnProcessId, int version, long processDefinitionKey, String resourceName, boolean duplicate) {}

  public record DecisionRequirementsMetadata(
      String decisionRequirementsId, String decisionRequirementsName, int version,
      long decisionRequirementsKey, String resourceName, boolean duplicate) {}

  public record DecisionMetadata(
      String decisionId, String decisionName, int version, long decisionKey,
      String decisionRequirementsId, long decisionRequirementsKey, boolean duplicate) {}

  public record FormMetadata(String formId, int version, long formKey, String resourceName, boolean duplicate) {}
}
