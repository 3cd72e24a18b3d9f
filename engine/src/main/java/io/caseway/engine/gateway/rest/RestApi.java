package io.caseway.engine.gateway.rest;

import io.caseway.engine.gateway.JobActivationPoller;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.ActivatedJobResult;
import io.camunda.client.protocol.rest.BrokerInfo;
import io.camunda.client.protocol.rest.CreateProcessInstanceResult;
import io.camunda.client.protocol.rest.DecisionEvaluationInstruction;
import io.camunda.client.protocol.rest.DeploymentDecisionRequirementsResult;
import io.camunda.client.protocol.rest.DeploymentDecisionResult;
import io.camunda.client.protocol.rest.DeploymentFormResult;
import io.camunda.client.protocol.rest.DeploymentMetadataResult;
import io.camunda.client.protocol.rest.DeploymentProcessResult;
import io.camunda.client.protocol.rest.DeploymentResult;
import io.camunda.client.protocol.rest.EvaluateDecisionResult;
import io.camunda.client.protocol.rest.EvaluatedDecisionInputItem;
import io.camunda.client.protocol.rest.EvaluatedDecisionOutputItem;
import io.camunda.client.protocol.rest.EvaluatedDecisionResult;
import io.camunda.client.protocol.rest.JobActivationRequest;
import io.camunda.client.protocol.rest.JobActivationResult;
import io.camunda.client.protocol.rest.JobCompletionRequest;
import io.camunda.client.protocol.rest.JobErrorRequest;
import io.camunda.client.protocol.rest.JobFailRequest;
import io.camunda.client.protocol.rest.JobKindEnum;
import io.camunda.client.protocol.rest.JobListenerEventTypeEnum;
import io.camunda.client.protocol.rest.JobUpdateRequest;
import io.camunda.client.protocol.rest.MatchedDecisionRuleItem;
import io.camunda.client.protocol.rest.MessageCorrelationRequest;
import io.camunda.client.protocol.rest.MessageCorrelationResult;
import io.camunda.client.protocol.rest.MessagePublicationRequest;
import io.camunda.client.protocol.rest.MessagePublicationResult;
import io.camunda.client.protocol.rest.Partition;
import io.camunda.client.protocol.rest.ProcessInstanceCreationInstruction;
import io.camunda.client.protocol.rest.ProcessInstanceCreationStartInstruction;
import io.camunda.client.protocol.rest.SetVariableRequest;
import io.camunda.client.protocol.rest.TopologyResponse;
import io.camunda.client.protocol.rest.UserTaskAssignmentRequest;
import io.camunda.client.protocol.rest.UserTaskCompletionRequest;
import io.caseway.engine.Engine;
import io.caseway.engine.protocol.Intent;
import io.caseway.engine.protocol.Record;
import io.caseway.engine.protocol.RecordValue;
import io.caseway.engine.protocol.intent.DecisionEvaluationIntent;
import io.caseway.engine.protocol.intent.DeploymentIntent;
import io.caseway.engine.protocol.intent.IncidentIntent;
import io.caseway.engine.protocol.intent.JobIntent;
import io.caseway.engine.protocol.intent.MessageCorrelationIntent;
import io.caseway.engine.protocol.intent.MessageIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceCreationIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.intent.ResourceDeletionIntent;
import io.caseway.engine.protocol.intent.UserTaskIntent;
import io.caseway.engine.protocol.intent.VariableDocumentIntent;
import io.caseway.engine.protocol.value.DecisionEvaluationRecord;
import io.caseway.engine.protocol.value.DeploymentRecord;
import io.caseway.engine.protocol.value.IncidentRecord;
import io.caseway.engine.protocol.value.JobBatchRecord;
import io.caseway.engine.protocol.value.JobRecord;
import io.caseway.engine.protocol.value.MessageCorrelationRecord;
import io.caseway.engine.protocol.value.MessageRecord;
import io.caseway.engine.protocol.value.ProcessInstanceCreationRecord;
import io.caseway.engine.protocol.value.ProcessInstanceRecord;
import io.caseway.engine.protocol.value.ResourceDeletionRecord;
import io.caseway.engine.protocol.value.UserTaskRecord;
import io.caseway.engine.protocol.value.VariableDocumentRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The commands of the Camunda REST API v2. Thin, like the gRPC gateway: each endpoint reads its
 * request into the client's DTO, builds one command, submits it and maps the response record (or
 * the rejection) back. Only job activation long-polls, in {@link JobActivationPoller}. Keys travel as
 * strings, variables as JSON objects.
 */
final class RestApi {
  static final String DEFAULT_TENANT = "<default>";
  static final String VERSION = "8.8.14";
  /** How long a create-with-result request waits when it names no request timeout. */
  static final long DEFAULT_AWAIT_MILLIS = 10_000;

  private final Engine engine;
  private final JobActivationPoller poller;

  RestApi(Engine engine, JobActivationPoller poller) {
    this.engine = engine;
    this.poller = poller;
  }

  void register(RestRouter r) {
    r.add("GET", "/v2/topology", this::topology);
    new RestSearchApi(engine).register(r);
    r.add("POST", "/v2/deployments", this::deploy);
    r.add("POST", "/v2/process-instances", this::createProcessInstance);
    r.add("POST", "/v2/process-instances/{key}/cancellation", this::cancelProcessInstance);
    r.add("POST", "/v2/jobs/activation", this::activateJobs);
    r.add("POST", "/v2/jobs/{key}/completion", this::completeJob);
    r.add("POST", "/v2/jobs/{key}/failure", this::failJob);
    r.add("POST", "/v2/jobs/{key}/error", this::throwError);
    r.add("PATCH", "/v2/jobs/{key}", this::updateJob);
    r.add("POST", "/v2/messages/publication", this::publishMessage);
    r.add("POST", "/v2/messages/correlation", this::correlateMessage);
    r.add("PUT", "/v2/element-instances/{key}/variables", this::setVariables);
    r.add("POST", "/v2/incidents/{key}/resolution", this::resolveIncident);
    r.add("POST", "/v2/decision-definitions/evaluation", this::evaluateDecision);
    r.add("POST", "/v2/resources/{key}/deletion", this::deleteResource);
    r.add("POST", "/v2/user-tasks/{key}/completion", this::completeUserTask);
    r.add("POST", "/v2/user-tasks/{key}/assignment", this::assignUserTask);
    r.add("DELETE", "/v2/user-tasks/{key}/assignee", this::unassignUserTask);
    r.add("PATCH", "/v2/user-tasks/{key}", this::updateUserTask);
    r.add("POST", "/v2/signals/broadcast", this::broadcastSignal);
    r.add("POST", "/v2/element-instances/ad-hoc-activities/{key}/activation", this::activateAdHocActivities);
    r.add("POST", "/v2/process-instances/{key}/modification", ex -> {
      throw RestProblem.notImplemented("Modifying process instances is not supported by the Caseway engine yet");
    });
    r.add("POST", "/v2/process-instances/{key}/migration", ex -> {
      throw RestProblem.notImplemented("Migrating process instances is not supported by the Caseway engine yet");
    });
  }

  // ---- cluster ----

  private void topology(RestExchange ex) {
    ex.answer(engine.search(p -> p.data().lastPurgeChangeId), changeId -> new TopologyResponse()
        .addBrokersItem(new BrokerInfo().nodeId(0).host(engine.config().host()).port(engine.grpcPort())
            .version(VERSION).addPartitionsItem(new Partition().partitionId(1).role(Partition.RoleEnum.LEADER)
                .health(Partition.HealthEnum.HEALTHY)))
        .clusterSize(1).partitionsCount(1).replicationFactor(1).gatewayVersion(VERSION).lastCompletedChangeId(Long.toString(changeId)));
  }

  // ---- deployments and resources ----

  private void deploy(RestExchange ex) {
    List<Multipart.Part> parts = Multipart.parse(ex.contentType(), ex.body());
    List<DeploymentRecord.Resource> resources = new ArrayList<>();
    String tenantId = null;
    for (Multipart.Part part : parts) {
      if (part.name().equals("resources")) {
        if (part.filename() == null || part.filename().isBlank()) {
          throw RestProblem.badRequest("Expected each part 'resources' to carry a file name (the resource name),"
              + " but one had none");
        }
        resources.add(new DeploymentRecord.Resource(part.filename(), part.content()));
      } else if (part.name().equals("tenantId")) {
        tenantId = part.text().trim();
      }
    }
    if (resources.isEmpty()) {
      throw RestProblem.badRequest("Expected at least one resource to deploy in the multipart field 'resources',"
          + " but there was none");
    }
    String tenant = tenant(tenantId);
    send(ex, -1, DeploymentIntent.CREATE,
        new DeploymentRecord(resources, List.of(), List.of(), List.of(), List.of(), tenant), r -> {
          DeploymentRecord d = r.valueAs(DeploymentRecord.class);
          String t = tenant(d.tenantId());
          DeploymentResult result = new DeploymentResult().deploymentKey(key(r.key())).tenantId(t)
              .deployments(new ArrayList<>());
          d.processes().forEach(p -> result.addDeploymentsItem(new DeploymentMetadataResult().processDefinition(
              new DeploymentProcessResult().processDefinitionId(p.bpmnProcessId())
                  .processDefinitionVersion(p.version()).processDefinitionKey(key(p.processDefinitionKey()))
                  .resourceName(p.resourceName()).tenantId(t))));
          d.decisionRequirements().forEach(p -> result.addDeploymentsItem(new DeploymentMetadataResult()
              .decisionRequirements(new DeploymentDecisionRequirementsResult()
                  .decisionRequirementsId(p.decisionRequirementsId()).decisionRequirementsName(nz(
                      p.decisionRequirementsName())).version(p.version())
                  .decisionRequirementsKey(key(p.decisionRequirementsKey())).resourceName(p.resourceName())
                  .tenantId(t))));
          d.decisions().forEach(p -> result.addDeploymentsItem(new DeploymentMetadataResult().decisionDefinition(
              new DeploymentDecisionResult().decisionDefinitionId(p.decisionId()).name(nz(p.decisionName()))
                  .version(p.version()).decisionDefinitionKey(key(p.decisionKey()))
                  .decisionRequirementsId(p.decisionRequirementsId())
                  .decisionRequirementsKey(key(p.decisionRequirementsKey())).tenantId(t))));
          d.forms().forEach(p -> result.addDeploymentsItem(new DeploymentMetadataResult().form(
              new DeploymentFormResult().formId(p.formId()).version(p.version()).formKey(key(p.formKey()))
                  .resourceName(p.resourceName()).tenantId(t))));
          return result;
        });
  }

  private void deleteResource(RestExchange ex) {
    long key = ex.key("key");
    ex.json(io.camunda.client.protocol.rest.DeleteResourceRequest.class, false);
    send(ex, key, ResourceDeletionIntent.DELETE, new ResourceDeletionRecord(key, null), r -> null);
  }

  // ---- process instances ----

  private void createProcessInstance(RestExchange ex) {
    ProcessInstanceCreationInstruction request = ex.json(ProcessInstanceCreationInstruction.class, true);
    long definitionKey = optionalKey(request.getProcessDefinitionKey(), "processDefinitionKey");
    if (request.getRuntimeInstructions() != null && !request.getRuntimeInstructions().isEmpty()) {
      throw RestProblem.badRequest("The field 'runtimeInstructions' is not supported by the Caseway engine yet");
    }
    List<String> start = request.getStartInstructions() == null ? List.of() : request.getStartInstructions().stream()
        .map(ProcessInstanceCreationStartInstruction::getElementId).toList();
    boolean await = Boolean.TRUE.equals(request.getAwaitCompletion());
    List<String> fetch = request.getFetchVariables() == null ? List.of() : List.copyOf(request.getFetchVariables());
    ProcessInstanceCreationRecord command = new ProcessInstanceCreationRecord(request.getProcessDefinitionId(),
        request.getProcessDefinitionVersion() == null ? -1 : request.getProcessDefinitionVersion(), definitionKey, -1,
        RestJson.document(request.getVariables()), start, await ? fetch : List.of(), tenant(request.getTenantId()));
    if (!await) {
      send(ex, -1, ProcessInstanceCreationIntent.CREATE, command, r -> creationResult(r, false));
      return;
    }
    long timeout = request.getRequestTimeout() == null || request.getRequestTimeout() <= 0 ? DEFAULT_AWAIT_MILLIS
        : request.getRequestTimeout();
    CompletableFuture<Record> result = new CompletableFuture<>();
    engine.command(-1, ProcessInstanceCreationIntent.CREATE_WITH_AWAITING_RESULT, command)
        .whenComplete((r, e) -> {
          if (e != null) {
            result.completeExceptionally(e);
          } else {
            result.complete(r);
          }
        });
    result.completeOnTimeout(null, timeout, TimeUnit.MILLISECONDS);
    ex.answer(result.thenApply(r -> {
      if (r == null) {
        throw new java.util.concurrent.CompletionException(new TimeoutException("Expected the process instance to"
            + " complete within the request timeout of " + timeout + " ms, but it did not (it keeps running)"));
      }
      return r;
    }), r -> creationResult(r, true));
  }

  private static CreateProcessInstanceResult creationResult(Record r, boolean withVariables) {
    var c = r.valueAs(ProcessInstanceCreationRecord.class);
    return new CreateProcessInstanceResult().processDefinitionId(c.bpmnProcessId())
        .processDefinitionVersion(c.version()).processDefinitionKey(key(c.processDefinitionKey()))
        .processInstanceKey(key(c.processInstanceKey())).tenantId(tenant(c.tenantId()))
        .variables(withVariables ? RestJson.variables(c.variables()) : new java.util.HashMap<>())
        .tags(new LinkedHashSet<>());
  }

  private void cancelProcessInstance(RestExchange ex) {
    long key = ex.key("key");
    ex.json(io.camunda.client.protocol.rest.CancelProcessInstanceRequest.class, false);
    send(ex, key, ProcessInstanceIntent.CANCEL,
        new ProcessInstanceRecord(null, -1, -1, key, null, -1, null, null, -1, -1, null), r -> null);
  }

  private void setVariables(RestExchange ex) {
    long key = ex.key("key");
    SetVariableRequest request = ex.json(SetVariableRequest.class, true);
    if (request.getVariables() == null) {
      throw RestProblem.badRequest("Expected the field 'variables' to be a JSON object, but it was not given");
    }
    send(ex, -1, VariableDocumentIntent.UPDATE, new VariableDocumentRecord(key,
        Boolean.TRUE.equals(request.getLocal()), RestJson.document(request.getVariables())), r -> null);
  }

  private void resolveIncident(RestExchange ex) {
    long key = ex.key("key");
    ex.json(io.camunda.client.protocol.rest.IncidentResolutionRequest.class, false);
    send(ex, key, IncidentIntent.RESOLVE, new IncidentRecord(null, null, null, -1, -1, null, -1, -1, -1, null, null),
        r -> null);
  }

  // ---- jobs ----

  private void activateJobs(RestExchange ex) {
    JobActivationRequest request = ex.json(JobActivationRequest.class, true);
    if (request.getType() == null || request.getType().isBlank()) {
      throw RestProblem.badRequest("Expected the field 'type' to name the job type to activate, but it was empty");
    }
    JobBatchRecord command = new JobBatchRecord(request.getType(), nz(request.getWorker()),
        request.getTimeout() == null ? 0 : request.getTimeout(),
        request.getMaxJobsToActivate() == null ? 0 : request.getMaxJobsToActivate(),
        request.getFetchVariable() == null ? List.of() : List.copyOf(request.getFetchVariable()), List.of(),
        List.of(), List.of());
    long requestTimeout = request.getRequestTimeout() == null ? 0 : request.getRequestTimeout();
    ex.answer(poller.activate(command, requestTimeout), RestApi::activatedJobs);
  }

  private static io.camunda.client.protocol.rest.UserTaskProperties userTask(io.caseway.engine.gateway.JobView.UserTask t) {
    if (t == null) {
      return null;
    }
    return new io.camunda.client.protocol.rest.UserTaskProperties().userTaskKey(key(t.userTaskKey())).action(t.action())
        .assignee(t.assignee()).candidateGroups(t.candidateGroups()).candidateUsers(t.candidateUsers())
        .changedAttributes(t.changedAttributes()).dueDate(t.dueDate()).followUpDate(t.followUpDate())
        .formKey(key(t.formKey())).priority(t.priority());
  }

  private static JobActivationResult activatedJobs(JobBatchRecord batch) {
    JobActivationResult result = new JobActivationResult().jobs(new ArrayList<>());
    for (int i = 0; i < batch.jobKeys().size(); i++) {
      JobRecord job = batch.jobs().get(i);
      io.caseway.engine.gateway.JobView view = io.caseway.engine.gateway.JobView.of(job);
      result.addJobsItem(new ActivatedJobResult().jobKey(key(batch.jobKeys().get(i))).type(job.type())
          .processInstanceKey(key(job.processInstanceKey())).processDefinitionId(job.bpmnProcessId())
          .processDefinitionVersion(job.processDefinitionVersion())
          .processDefinitionKey(key(job.processDefinitionKey())).elementId(job.elementId())
          .elementInstanceKey(key(job.elementInstanceKey())).customHeaders(RestJson.strings(view.customHeaders()))
          .worker(nz(job.worker())).retries(job.retries()).deadline(job.deadline())
          .variables(RestJson.variables(batch.jobVariables().get(i))).tenantId(tenant(job.tenantId()))
          .kind(JobKindEnum.valueOf(view.kind())).listenerEventType(JobListenerEventTypeEnum.valueOf(view.listenerEventType()))
          .userTask(userTask(view.userTask())).tags(new LinkedHashSet<>()));
    }
    return result;
  }

  private void completeJob(RestExchange ex) {
    long key = ex.key("key");
    JobCompletionRequest request = ex.json(JobCompletionRequest.class, false);
    JobRecord command = JobRecord.command().withVariables(RestJson.document(request.getVariables()));
    if (request.getResult() != null) {
      command = command.withResult(jobResult(request.getResult()));
    }
    send(ex, key, JobIntent.COMPLETE, command, r -> null);
  }

  private static io.caseway.engine.protocol.value.JobResult jobResult(io.camunda.client.protocol.rest.JobResult r) {
    if (r instanceof io.camunda.client.protocol.rest.JobResultAdHocSubProcess a) {
      var elements = a.getActivateElements() == null ? java.util.List.<io.caseway.engine.protocol.value.JobResult.ActivateElement>of()
          : a.getActivateElements().stream().map(e -> new io.caseway.engine.protocol.value.JobResult.ActivateElement(
              e.getElementId(), e.getVariables() == null ? null : RestJson.document(e.getVariables()))).toList();
      return io.caseway.engine.protocol.value.JobResult.adHocSubProcess(elements,
          Boolean.TRUE.equals(a.getIsCompletionConditionFulfilled()), Boolean.TRUE.equals(a.getIsCancelRemainingInstances()));
    }
    if (r instanceof io.camunda.client.protocol.rest.JobResultUserTask u) {
      var c = u.getCorrections();
      return io.caseway.engine.protocol.value.JobResult.userTask(Boolean.TRUE.equals(u.getDenied()), u.getDeniedReason(),
          c == null ? null : new io.caseway.engine.protocol.value.JobResult.Corrections(c.getAssignee(), c.getDueDate(),
              c.getFollowUpDate(), c.getCandidateUsers(), c.getCandidateGroups(), c.getPriority()));
    }
    throw RestProblem.badRequest("Expected the field 'result' to have the type 'adHocSubProcess' or 'userTask', but it"
        + " had " + r.getType());
  }

  private void failJob(RestExchange ex) {
    long key = ex.key("key");
    JobFailRequest request = ex.json(JobFailRequest.class, false);
    JobRecord command = JobRecord.command().withFailure(request.getRetries() == null ? 0 : request.getRetries(),
            request.getErrorMessage(), request.getRetryBackOff() == null ? 0 : request.getRetryBackOff(), -1)
        .withVariables(RestJson.document(request.getVariables()));
    send(ex, key, JobIntent.FAIL, command, r -> null);
  }

  private void throwError(RestExchange ex) {
    long key = ex.key("key");
    JobErrorRequest request = ex.json(JobErrorRequest.class, true);
    send(ex, key, JobIntent.THROW_ERROR, JobRecord.command().withError(request.getErrorCode(),
        request.getErrorMessage(), RestJson.document(request.getVariables())), r -> null);
  }

  private void updateJob(RestExchange ex) {
    long key = ex.key("key");
    JobUpdateRequest request = ex.json(JobUpdateRequest.class, true);
    var changes = request.getChangeset();
    Integer retries = changes == null ? null : changes.getRetries();
    Long timeout = changes == null ? null : changes.getTimeout();
    if (retries == null && timeout == null) {
      throw RestProblem.badRequest("Expected the field 'changeset' to hold 'retries' or 'timeout' (or both), but it"
          + " held neither");
    }
    if (timeout == null) {
      send(ex, key, JobIntent.UPDATE_RETRIES, JobRecord.command().withRetries(retries), r -> null);
    } else if (retries == null) {
      send(ex, key, JobIntent.UPDATE_TIMEOUT, JobRecord.command().withActivation(null, -1, timeout), r -> null);
    } else {
      send(ex, key, JobIntent.UPDATE, JobRecord.command().withRetries(retries).withActivation(null, -1, timeout),
          r -> null);
    }
  }

  // ---- messages ----

  private void publishMessage(RestExchange ex) {
    MessagePublicationRequest request = ex.json(MessagePublicationRequest.class, true);
    String tenant = tenant(request.getTenantId());
    send(ex, -1, MessageIntent.PUBLISH, new MessageRecord(request.getName(), nz(request.getCorrelationKey()),
            request.getTimeToLive() == null ? 0 : request.getTimeToLive(), nz(request.getMessageId()),
            RestJson.document(request.getVariables()), -1, tenant),
        r -> new MessagePublicationResult().messageKey(key(r.key())).tenantId(tenant));
  }

  private void correlateMessage(RestExchange ex) {
    MessageCorrelationRequest request = ex.json(MessageCorrelationRequest.class, true);
    send(ex, -1, MessageCorrelationIntent.CORRELATE, MessageCorrelationRecord.command(request.getName(),
        nz(request.getCorrelationKey()), RestJson.document(request.getVariables()), tenant(request.getTenantId())),
        r -> {
          MessageCorrelationRecord c = r.valueAs(MessageCorrelationRecord.class);
          return new MessageCorrelationResult().messageKey(key(c.messageKey()))
              .processInstanceKey(key(c.processInstanceKey())).tenantId(tenant(c.tenantId()));
        });
  }

  // ---- decisions ----

  private void evaluateDecision(RestExchange ex) {
    DecisionEvaluationInstruction request = ex.json(DecisionEvaluationInstruction.class, true);
    long decisionKey = optionalKey(request.getDecisionDefinitionKey(), "decisionDefinitionKey");
    DecisionEvaluationRecord command = new DecisionEvaluationRecord(decisionKey, request.getDecisionDefinitionId(),
        null, -1, null, -1, RestJson.document(request.getVariables()), null, List.of(), null, null, null, -1, -1, null,
        -1, tenant(request.getTenantId()));
    send(ex, -1, DecisionEvaluationIntent.EVALUATE, command, RestApi::decisionResult);
  }

  private static EvaluateDecisionResult decisionResult(Record r) {
    DecisionEvaluationRecord d = r.valueAs(DecisionEvaluationRecord.class);
    String t = tenant(d.tenantId());
    EvaluateDecisionResult result = new EvaluateDecisionResult().decisionDefinitionKey(key(d.decisionKey()))
        .decisionDefinitionId(d.decisionId()).decisionDefinitionName(nz(d.decisionName()))
        .decisionDefinitionVersion(d.decisionVersion()).decisionRequirementsId(d.decisionRequirementsId())
        .decisionRequirementsKey(key(d.decisionRequirementsKey())).output(nz(d.decisionOutput()))
        .failedDecisionDefinitionId(nz(d.failedDecisionId())).failureMessage(nz(d.failureMessage())).tenantId(t)
        .decisionInstanceKey(key(r.key())).decisionEvaluationKey(key(r.key())).evaluatedDecisions(new ArrayList<>());
    for (var e : d.evaluatedDecisions()) {
      EvaluatedDecisionResult item = new EvaluatedDecisionResult().decisionDefinitionKey(key(e.decisionKey()))
          .decisionDefinitionId(e.decisionId()).decisionDefinitionName(nz(e.decisionName()))
          .decisionDefinitionVersion(e.decisionVersion()).decisionDefinitionType(nz(e.decisionType()))
          .output(nz(e.decisionOutput())).tenantId(t).decisionEvaluationInstanceKey(key(r.key()))
          .evaluatedInputs(new ArrayList<>()).matchedRules(new ArrayList<>());
      e.evaluatedInputs().forEach(i -> item.addEvaluatedInputsItem(new EvaluatedDecisionInputItem()
          .inputId(nz(i.inputId())).inputName(nz(i.inputName())).inputValue(nz(i.inputValue()))));
      e.matchedRules().forEach(m -> {
        MatchedDecisionRuleItem rule = new MatchedDecisionRuleItem().ruleId(nz(m.ruleId())).ruleIndex(m.ruleIndex())
            .evaluatedOutputs(new ArrayList<>());
        m.evaluatedOutputs().forEach(o -> rule.addEvaluatedOutputsItem(new EvaluatedDecisionOutputItem()
            .outputId(nz(o.outputId())).outputName(nz(o.outputName())).outputValue(nz(o.outputValue()))));
        item.addMatchedRulesItem(rule);
      });
      result.addEvaluatedDecisionsItem(item);
    }
    return result;
  }

  // ---- user tasks ----

  private void activateAdHocActivities(RestExchange ex) {
    long key = ex.key("key");
    io.camunda.client.protocol.rest.AdHocSubProcessActivateActivitiesInstruction request =
        ex.json(io.camunda.client.protocol.rest.AdHocSubProcessActivateActivitiesInstruction.class, true);
    List<io.caseway.engine.protocol.value.AdHocSubProcessInstructionRecord.Element> elements = new ArrayList<>();
    if (request.getElements() != null) {
      for (var e : request.getElements()) {
        if (e.getElementId() == null || e.getElementId().isBlank()) {
          throw RestProblem.badRequest("Expected each of 'elements' to have an 'elementId', but one had none");
        }
        elements.add(new io.caseway.engine.protocol.value.AdHocSubProcessInstructionRecord.Element(e.getElementId(),
            RestJson.document(e.getVariables())));
      }
    }
    send(ex, key, io.caseway.engine.protocol.intent.AdHocSubProcessInstructionIntent.ACTIVATE,
        new io.caseway.engine.protocol.value.AdHocSubProcessInstructionRecord(key, elements,
            Boolean.TRUE.equals(request.getCancelRemainingInstances()), tenant(null)), r -> null);
  }

  private void broadcastSignal(RestExchange ex) {
    io.camunda.client.protocol.rest.SignalBroadcastRequest request =
        ex.json(io.camunda.client.protocol.rest.SignalBroadcastRequest.class, true);
    if (request.getSignalName() == null || request.getSignalName().isBlank()) {
      throw RestProblem.badRequest("Expected the field 'signalName' to name the signal to broadcast, but it was empty");
    }
    send(ex, -1, io.caseway.engine.protocol.intent.SignalIntent.BROADCAST,
        new io.caseway.engine.protocol.value.SignalRecord(request.getSignalName(), RestJson.document(request.getVariables()),
            tenant(request.getTenantId())), r -> {
          java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
          body.put("signalKey", key(r.key()));
          body.put("tenantId", tenant(request.getTenantId()));
          return body;
        });
  }

  private void completeUserTask(RestExchange ex) {
    long key = ex.key("key");
    UserTaskCompletionRequest request = ex.json(UserTaskCompletionRequest.class, false);
    sendUserTask(ex, key, UserTaskIntent.COMPLETE, UserTaskRecord.command(key)
        .withCompletion(RestJson.document(request.getVariables()), request.getAction()), "complete");
  }

  private void assignUserTask(RestExchange ex) {
    long key = ex.key("key");
    UserTaskAssignmentRequest request = ex.json(UserTaskAssignmentRequest.class, true);
    if (request.getAssignee() == null || request.getAssignee().isBlank()) {
      throw RestProblem.badRequest("Expected the field 'assignee' to name who takes the task, but it was empty"
          + " (to unassign, use DELETE /v2/user-tasks/" + key + "/assignee)");
    }
    boolean override = request.getAllowOverride() == null || request.getAllowOverride();
    sendUserTask(ex, key, override ? UserTaskIntent.ASSIGN : UserTaskIntent.CLAIM,
        UserTaskRecord.command(key).withAssignee(request.getAssignee(), request.getAction()), "assign");
  }

  private void unassignUserTask(RestExchange ex) {
    long key = ex.key("key");
    sendUserTask(ex, key, UserTaskIntent.ASSIGN, UserTaskRecord.command(key).withAssignee(null, "unassign"),
        "unassign");
  }

  private void updateUserTask(RestExchange ex) {
    long key = ex.key("key");
    JsonNode body = RestJson.tree(ex.body());
    JsonNode changeset = body.path("changeset");
    String action = text(body, "action", "action");
    if (!changeset.isMissingNode() && !changeset.isNull() && !changeset.isObject()) {
      throw RestProblem.badRequest("The field 'changeset' has the wrong type: expected an object");
    }
    List<String> changed = new ArrayList<>();
    String dueDate = text(changeset, "dueDate", "changeset.dueDate");
    String followUpDate = text(changeset, "followUpDate", "changeset.followUpDate");
    List<String> groups = strings(changeset, "candidateGroups");
    List<String> users = strings(changeset, "candidateUsers");
    Integer priority = null;
    JsonNode p = changeset.path("priority");
    if (!p.isMissingNode() && !p.isNull()) {
      if (!p.isIntegralNumber() || !p.canConvertToInt()) {
        throw RestProblem.badRequest("The field 'changeset.priority' has the wrong type: expected an integer");
      }
      priority = p.intValue();
    }
    if (dueDate != null) changed.add("dueDate");
    if (followUpDate != null) changed.add("followUpDate");
    if (groups != null) changed.add("candidateGroups");
    if (users != null) changed.add("candidateUsers");
    if (priority != null) changed.add("priority");
    if (changed.isEmpty() && action == null) {
      throw RestProblem.badRequest("Expected an 'action' or a 'changeset' with at least one of dueDate, followUpDate,"
          + " candidateGroups, candidateUsers or priority, but the request held none");
    }
    sendUserTask(ex, key, UserTaskIntent.UPDATE, UserTaskRecord.updateCommand(key, dueDate, followUpDate, groups,
        users, priority == null ? -1 : priority, changed, action), "update");
  }

  private static String text(JsonNode node, String field, String name) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw RestProblem.badRequest("The field '" + name + "' has the wrong type: expected a string");
    }
    return value.textValue();
  }

  private static List<String> strings(JsonNode changeset, String field) {
    JsonNode value = changeset.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    List<String> result = new ArrayList<>();
    if (value.isArray()) {
      for (JsonNode item : value) {
        if (!item.isTextual()) {
          result = null;
          break;
        }
        result.add(item.textValue());
      }
    }
    if (!value.isArray() || result == null) {
      throw RestProblem.badRequest("The field 'changeset." + field + "' has the wrong type: expected an array of"
          + " strings");
    }
    return result;
  }

  // ---- plumbing ----

  private void send(RestExchange ex, long key, Intent intent, RecordValue value,
      java.util.function.Function<Record, Object> response) {
    ex.answer(engine.command(key, intent, value), response);
  }

  /**
   * A user task command. The engine's state forgets finished tasks, so it rejects a command on one
   * as NOT_FOUND; the search projection still knows it, and a coach who completes a task a colleague
   * just completed is told so (409), not that the task never existed.
   */
  private void sendUserTask(RestExchange ex, long key, UserTaskIntent intent, UserTaskRecord value, String verb) {
    CompletableFuture<Object> answered = engine.command(key, intent, value).handle((record, error) -> {
      if (error == null) {
        return CompletableFuture.completedFuture((Object) record);
      }
      RestProblem problem = RestProblem.of(error);
      if (problem.status() != 404) {
        return CompletableFuture.<Object>failedFuture(problem);
      }
      return engine.search(s -> {
        io.caseway.engine.query.Projections.UserTask t = s.data().userTasks.get(key);
        return t == null ? null : t.state;
      }).<Object>thenApply(state -> {
        if (state == null || "CREATED".equals(state)) {
          throw problem;
        }
        throw new RestProblem(409, "INVALID_STATE", "Cannot " + verb + " user task with key '" + key
            + "': it is already " + state.toLowerCase(java.util.Locale.ROOT));
      });
    }).thenCompose(f -> f);
    ex.answer(answered, r -> null);
  }

  /** A key given as a string in a request body; absent is -1. */
  private static long optionalKey(String value, String field) {
    if (value == null || value.isBlank()) {
      return -1;
    }
    try {
      long key = Long.parseLong(value.trim());
      if (key > 0) {
        return key;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw RestProblem.badRequest("Expected the field '" + field + "' to be a key (a positive number as a string),"
        + " but it was '" + value + "'");
  }

  static String key(long key) {
    return Long.toString(key);
  }

  static String tenant(String tenantId) {
    return tenantId == null || tenantId.isEmpty() ? DEFAULT_TENANT : tenantId;
  }

  static String nz(String s) {
    return s == null ? "" : s;
  }
}
