package io.caseway.engine.gateway.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.*;
import io.caseway.engine.Engine;
import io.caseway.engine.expression.Json;
import io.caseway.engine.processing.CommandRejectedException;
import io.caseway.engine.protocol.Intent;
import io.caseway.engine.protocol.Record;
import io.caseway.engine.protocol.RecordValue;
import io.caseway.engine.protocol.intent.DecisionEvaluationIntent;
import io.caseway.engine.protocol.intent.DeploymentIntent;
import io.caseway.engine.protocol.intent.IncidentIntent;
import io.caseway.engine.protocol.intent.JobIntent;
import io.caseway.engine.protocol.intent.MessageIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceCreationIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.intent.ResourceDeletionIntent;
import io.caseway.engine.protocol.intent.VariableDocumentIntent;
import io.caseway.engine.protocol.value.DecisionEvaluationRecord;
import io.caseway.engine.protocol.value.DeploymentRecord;
import io.caseway.engine.protocol.value.IncidentRecord;
import io.caseway.engine.protocol.value.JobRecord;
import io.caseway.engine.protocol.value.MessageRecord;
import io.caseway.engine.protocol.value.ProcessInstanceCreationRecord;
import io.caseway.engine.protocol.value.ProcessInstanceRecord;
import io.caseway.engine.protocol.value.ResourceDeletionRecord;
import io.caseway.engine.protocol.value.VariableDocumentRecord;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The Camunda 8 gateway protocol over gRPC. Thin: each RPC builds one command, submits it, and maps
 * the response record (or the rejection) back. Only ActivateJobs long-polls, in {@link JobPoller}.
 */
final class GatewayService extends GatewayGrpc.GatewayImplBase {
  static final String DEFAULT_TENANT = "<default>";
  static final String VERSION = "8.8.14";

  private final Engine engine;
  private final JobPoller poller;

  GatewayService(Engine engine) {
    this.engine = engine;
    this.poller = new JobPoller(engine);
  }

  void close() {
    poller.close();
  }

  @Override
  public void topology(TopologyRequest request, StreamObserver<TopologyResponse> observer) {
    observer.onNext(TopologyResponse.newBuilder()
        .addBrokers(BrokerInfo.newBuilder().setNodeId(0).setHost(engine.config().host())
            .setPort(engine.grpcPort()).setVersion(VERSION)
            .addPartitions(Partition.newBuilder().setPartitionId(1)
                .setRole(Partition.PartitionBrokerRole.LEADER)
                .setHealth(Partition.PartitionBrokerHealth.HEALTHY)))
        .setClusterSize(1).setPartitionsCount(1).setReplicationFactor(1).setGatewayVersion(VERSION).build());
    observer.onCompleted();
  }

  @Override
  public void deployResource(DeployResourceRequest request, StreamObserver<DeployResourceResponse> observer) {
    List<DeploymentRecord.Resource> resources = request.getResourcesList().stream()
        .map(r -> new DeploymentRecord.Resource(r.getName(), r.getContent().toByteArray())).toList();
    send(observer, -1, DeploymentIntent.CREATE,
        new DeploymentRecord(resources, List.of(), List.of(), List.of(), List.of(), tenant(request.getTenantId())),
        r -> {
          DeploymentRecord d = r.valueAs(DeploymentRecord.class);
          DeployResourceResponse.Builder b = DeployResourceResponse.newBuilder().setKey(r.key())
              .setTenantId(tenant(d.tenantId()));
          d.processes().forEach(p -> b.addDeployments(Deployment.newBuilder().setProcess(ProcessMetadata.newBuilder()
              .setBpmnProcessId(p.bpmnProcessId()).setVersion(p.version())
              .setProcessDefinitionKey(p.processDefinitionKey()).setResourceName(p.resourceName())
              .setTenantId(tenant(d.tenantId())))));
          d.decisionRequirements().forEach(p -> b.addDeployments(Deployment.newBuilder().setDecisionRequirements(
              DecisionRequirementsMetadata.newBuilder().setDmnDecisionRequirementsId(p.decisionRequirementsId())
                  .setDmnDecisionRequirementsName(nz(p.decisionRequirementsName())).setVersion(p.version())
                  .setDecisionRequirementsKey(p.decisionRequirementsKey()).setResourceName(p.resourceName())
                  .setTenantId(tenant(d.tenantId())))));
          d.decisions().forEach(p -> b.addDeployments(Deployment.newBuilder().setDecision(DecisionMetadata.newBuilder()
              .setDmnDecisionId(p.decisionId()).setDmnDecisionName(nz(p.decisionName())).setVersion(p.version())
              .setDecisionKey(p.decisionKey()).setDmnDecisionRequirementsId(p.decisionRequirementsId())
              .setDecisionRequirementsKey(p.decisionRequirementsKey()).setTenantId(tenant(d.tenantId())))));
          d.forms().forEach(p -> b.addDeployments(Deployment.newBuilder().setForm(FormMetadata.newBuilder()
              .setFormId(p.formId()).setVersion(p.version()).setFormKey(p.formKey())
              .setResourceName(p.resourceName()).setTenantId(tenant(d.tenantId())))));
          return b.build();
        });
  }

  @Override
  public void createProcessInstance(CreateProcessInstanceRequest request,
      StreamObserver<CreateProcessInstanceResponse> observer) {
    send(observer, -1, ProcessInstanceCreationIntent.CREATE, creation(request, List.of()), r -> {
      var c = r.valueAs(ProcessInstanceCreationRecord.class);
      return CreateProcessInstanceResponse.newBuilder().setProcessDefinitionKey(c.processDefinitionKey())
          .setBpmnProcessId(c.bpmnProcessId()).setVersion(c.version()).setProcessInstanceKey(c.processInstanceKey())
          .setTenantId(tenant(c.tenantId())).build();
    });
  }

  @Override
  public void createProcessInstanceWithResult(CreateProcessInstanceWithResultRequest request,
      StreamObserver<CreateProcessInstanceWithResultResponse> observer) {
    send(observer, -1, ProcessInstanceCreationIntent.CREATE_WITH_AWAITING_RESULT,
        creation(request.getRequest(), request.getFetchVariablesList()), r -> {
          var c = r.valueAs(ProcessInstanceCreationRecord.class);
          return CreateProcessInstanceWithResultResponse.newBuilder()
              .setProcessDefinitionKey(c.processDefinitionKey()).setBpmnProcessId(c.bpmnProcessId())
              .setVersion(c.version()).setProcessInstanceKey(c.processInstanceKey()).setVariables(c.variables())
              .setTenantId(tenant(c.tenantId())).build();
        });
  }

  private static ProcessInstanceCreationRecord creation(CreateProcessInstanceRequest r, List<String> fetch) {
    List<String> start = r.getStartInstructionsList().stream().map(ProcessInstanceCreationStartInstruction::getElementId)
        .toList();
    return new ProcessInstanceCreationRecord(r.getBpmnProcessId(), r.getVersion(), r.getProcessDefinitionKey(), -1,
        r.getVariables(), start, List.copyOf(fetch), tenant(r.getTenantId()));
  }

  @Override
  public void cancelProcessInstance(CancelProcessInstanceRequest request,
      StreamObserver<CancelProcessInstanceResponse> observer) {
    send(observer, request.getProcessInstanceKey(), ProcessInstanceIntent.CANCEL,
        new ProcessInstanceRecord(null, -1, -1, request.getProcessInstanceKey(), null, -1, null, null, -1, -1, null),
        r -> CancelProcessInstanceResponse.getDefaultInstance());
  }

  @Override
  public void activateJobs(ActivateJobsRequest request, StreamObserver<ActivateJobsResponse> observer) {
    if (request.getType().isBlank()) {
      observer.onError(Status.INVALID_ARGUMENT.withDescription(
          "Expected to activate jobs of a non-empty type, but the type was empty").asRuntimeException());
      return;
    }
    poller.activate(request, (ServerCallStreamObserver<ActivateJobsResponse>) observer);
  }

  @Override
  public void streamActivatedJobs(StreamActivatedJobsRequest request, StreamObserver<ActivatedJob> observer) {
    if (request.getType().isBlank() || request.getTimeout() < 1) {
      observer.onError(Status.INVALID_ARGUMENT.withDescription(request.getType().isBlank()
          ? "Expected to stream jobs of a non-empty type, but the type was empty"
          : "Expected a job timeout greater than zero, but it was " + request.getTimeout()).asRuntimeException());
      return;
    }
    poller.stream(request, (ServerCallStreamObserver<ActivatedJob>) observer);
  }

  @Override
  public void completeJob(CompleteJobRequest request, StreamObserver<CompleteJobResponse> observer) {
    JobRecord command = JobRecord.command().withVariables(request.getVariables());
    if (request.hasResult()) {
      command = command.withResult(jobResult(request.getResult()));
    }
    send(observer, request.getJobKey(), JobIntent.COMPLETE, command, r -> CompleteJobResponse.getDefaultInstance());
  }

  private static io.caseway.engine.protocol.value.JobResult jobResult(JobResult r) {
    if (io.caseway.engine.protocol.value.JobResult.AD_HOC_SUB_PROCESS.equals(r.getType())) {
      return io.caseway.engine.protocol.value.JobResult.adHocSubProcess(r.getActivateElementsList().stream()
              .map(e -> new io.caseway.engine.protocol.value.JobResult.ActivateElement(e.getElementId(),
                  e.getVariables().isEmpty() ? null : e.getVariables()))
              .toList(),
          r.getIsCompletionConditionFulfilled(), r.getIsCancelRemainingInstances());
    }
    io.caseway.engine.protocol.value.JobResult.Corrections corrections = null;
    if (r.hasCorrections()) {
      JobResultCorrections c = r.getCorrections();
      corrections = new io.caseway.engine.protocol.value.JobResult.Corrections(
          c.hasAssignee() ? c.getAssignee() : null, c.hasDueDate() ? c.getDueDate() : null,
          c.hasFollowUpDate() ? c.getFollowUpDate() : null,
          c.hasCandidateUsers() ? c.getCandidateUsers().getValuesList() : null,
          c.hasCandidateGroups() ? c.getCandidateGroups().getValuesList() : null,
          c.hasPriority() ? c.getPriority() : null);
    }
    return io.caseway.engine.protocol.value.JobResult.userTask(r.getDenied(),
        r.hasDeniedReason() ? r.getDeniedReason() : null, corrections);
  }

  @Override
  public void failJob(FailJobRequest request, StreamObserver<FailJobResponse> observer) {
    JobRecord command = JobRecord.command().withFailure(request.getRetries(), request.getErrorMessage(),
        request.getRetryBackOff(), -1).withVariables(request.getVariables());
    send(observer, request.getJobKey(), JobIntent.FAIL, command, r -> FailJobResponse.getDefaultInstance());
  }

  @Override
  public void throwError(ThrowErrorRequest request, StreamObserver<ThrowErrorResponse> observer) {
    send(observer, request.getJobKey(), JobIntent.THROW_ERROR,
        JobRecord.command().withError(request.getErrorCode(), request.getErrorMessage(), request.getVariables()),
        r -> ThrowErrorResponse.getDefaultInstance());
  }

  @Override
  public void updateJobRetries(UpdateJobRetriesRequest request, StreamObserver<UpdateJobRetriesResponse> observer) {
    send(observer, request.getJobKey(), JobIntent.UPDATE_RETRIES, JobRecord.command().withRetries(request.getRetries()),
        r -> UpdateJobRetriesResponse.getDefaultInstance());
  }

  @Override
  public void updateJobTimeout(UpdateJobTimeoutRequest request, StreamObserver<UpdateJobTimeoutResponse> observer) {
    send(observer, request.getJobKey(), JobIntent.UPDATE_TIMEOUT,
        JobRecord.command().withActivation(null, -1, request.getTimeout()),
        r -> UpdateJobTimeoutResponse.getDefaultInstance());
  }

  @Override
  public void publishMessage(PublishMessageRequest request, StreamObserver<PublishMessageResponse> observer) {
    send(observer, -1, MessageIntent.PUBLISH, new MessageRecord(request.getName(), request.getCorrelationKey(),
            request.getTimeToLive(), request.getMessageId(), request.getVariables(), -1, tenant(request.getTenantId())),
        r -> PublishMessageResponse.newBuilder().setKey(r.key()).setTenantId(tenant(null)).build());
  }

  @Override
  public void setVariables(SetVariablesRequest request, StreamObserver<SetVariablesResponse> observer) {
    send(observer, -1, VariableDocumentIntent.UPDATE,
        new VariableDocumentRecord(request.getElementInstanceKey(), request.getLocal(), request.getVariables()),
        r -> SetVariablesResponse.newBuilder().setKey(r.key()).build());
  }

  @Override
  public void resolveIncident(ResolveIncidentRequest request, StreamObserver<ResolveIncidentResponse> observer) {
    send(observer, request.getIncidentKey(), IncidentIntent.RESOLVE,
        new IncidentRecord(null, null, null, -1, -1, null, -1, -1, -1, null, null),
        r -> ResolveIncidentResponse.getDefaultInstance());
  }

  @Override
  public void deleteResource(DeleteResourceRequest request, StreamObserver<DeleteResourceResponse> observer) {
    send(observer, request.getResourceKey(), ResourceDeletionIntent.DELETE,
        new ResourceDeletionRecord(request.getResourceKey(), null), r -> DeleteResourceResponse.getDefaultInstance());
  }

  @Override
  public void evaluateDecision(EvaluateDecisionRequest request, StreamObserver<EvaluateDecisionResponse> observer) {
    DecisionEvaluationRecord command = new DecisionEvaluationRecord(request.getDecisionKey(), request.getDecisionId(),
        null, -1, null, -1, request.getVariables(), null, List.of(), null, null, null, -1, -1, null, -1,
        tenant(request.getTenantId()));
    send(observer, -1, DecisionEvaluationIntent.EVALUATE, command, r -> decisionResponse(r));
  }

  private static EvaluateDecisionResponse decisionResponse(Record r) {
    DecisionEvaluationRecord d = r.valueAs(DecisionEvaluationRecord.class);
    EvaluateDecisionResponse.Builder b = EvaluateDecisionResponse.newBuilder().setDecisionKey(d.decisionKey())
        .setDecisionId(d.decisionId()).setDecisionName(nz(d.decisionName())).setDecisionVersion(d.decisionVersion())
        .setDecisionRequirementsId(d.decisionRequirementsId()).setDecisionRequirementsKey(d.decisionRequirementsKey())
        .setDecisionOutput(nz(d.decisionOutput())).setFailedDecisionId(nz(d.failedDecisionId()))
        .setFailureMessage(nz(d.failureMessage())).setTenantId(tenant(d.tenantId()))
        .setDecisionInstanceKey(r.key()).setDecisionEvaluationKey(r.key());
    for (var e : d.evaluatedDecisions()) {
      EvaluatedDecision.Builder eb = EvaluatedDecision.newBuilder().setDecisionKey(e.decisionKey())
          .setDecisionId(e.decisionId()).setDecisionName(nz(e.decisionName())).setDecisionVersion(e.decisionVersion())
          .setDecisionType(nz(e.decisionType())).setDecisionOutput(nz(e.decisionOutput()))
          .setTenantId(tenant(d.tenantId()));
      e.evaluatedInputs().forEach(i -> eb.addEvaluatedInputs(EvaluatedDecisionInput.newBuilder()
          .setInputId(nz(i.inputId())).setInputName(nz(i.inputName())).setInputValue(nz(i.inputValue()))));
      e.matchedRules().forEach(m -> {
        MatchedDecisionRule.Builder mb = MatchedDecisionRule.newBuilder().setRuleId(nz(m.ruleId())).setRuleIndex(m.ruleIndex());
        m.evaluatedOutputs().forEach(o -> mb.addEvaluatedOutputs(EvaluatedDecisionOutput.newBuilder()
            .setOutputId(nz(o.outputId())).setOutputName(nz(o.outputName())).setOutputValue(nz(o.outputValue()))));
        eb.addMatchedRules(mb);
      });
      b.addEvaluatedDecisions(eb);
    }
    return b.build();
  }

  @Override
  public void broadcastSignal(BroadcastSignalRequest request, StreamObserver<BroadcastSignalResponse> observer) {
    send(observer, -1, io.caseway.engine.protocol.intent.SignalIntent.BROADCAST,
        new io.caseway.engine.protocol.value.SignalRecord(request.getSignalName(), request.getVariables(),
            tenant(request.getTenantId())),
        r -> BroadcastSignalResponse.newBuilder().setKey(r.key()).setTenantId(tenant(null)).build());
  }

  @Override
  public void modifyProcessInstance(ModifyProcessInstanceRequest request,
      StreamObserver<ModifyProcessInstanceResponse> observer) {
    unimplemented(observer, "ModifyProcessInstance is not supported by the Caseway engine yet");
  }

  @Override
  public void migrateProcessInstance(MigrateProcessInstanceRequest request,
      StreamObserver<MigrateProcessInstanceResponse> observer) {
    unimplemented(observer, "MigrateProcessInstance is not supported by the Caseway engine yet");
  }

  @Override
  public void deployProcess(DeployProcessRequest request, StreamObserver<DeployProcessResponse> observer) {
    unimplemented(observer, "DeployProcess was removed from Camunda 8; use DeployResource");
  }

  private static void unimplemented(StreamObserver<?> observer, String message) {
    observer.onError(Status.UNIMPLEMENTED.withDescription(message).asRuntimeException());
  }

  private <T> void send(StreamObserver<T> observer, long key, Intent intent, RecordValue value, Function<Record, T> map) {
    CompletableFuture<Record> future = engine.command(key, intent, value);
    future.whenComplete((record, error) -> {
      if (error != null) {
        observer.onError(toStatus(error).asRuntimeException());
        return;
      }
      try {
        observer.onNext(map.apply(record));
        observer.onCompleted();
      } catch (RuntimeException e) {
        observer.onError(Status.INTERNAL.withDescription("Failed to answer: " + e).asRuntimeException());
      }
    });
  }

  static Status toStatus(Throwable error) {
    Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (e instanceof CommandRejectedException r) {
      Status status = switch (r.type()) {
        case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
        case NOT_FOUND -> Status.NOT_FOUND;
        case ALREADY_EXISTS -> Status.ALREADY_EXISTS;
        case INVALID_STATE -> Status.FAILED_PRECONDITION;
        case PROCESSING_ERROR -> Status.INTERNAL;
      };
      return status.withDescription(r.getMessage());
    }
    return Status.INTERNAL.withDescription("Unexpected failure: " + e);
  }

  static String tenant(String tenantId) {
    return tenantId == null || tenantId.isEmpty() ? DEFAULT_TENANT : tenantId;
  }

  static String nz(String s) {
    return s == null ? "" : s;
  }

  static ActivatedJob activatedJob(long key, JobRecord job, String variables) {
    io.caseway.engine.gateway.JobView view = io.caseway.engine.gateway.JobView.of(job);
    ActivatedJob.Builder builder = ActivatedJob.newBuilder().setKey(key).setType(job.type())
        .setProcessInstanceKey(job.processInstanceKey())
        .setBpmnProcessId(job.bpmnProcessId()).setProcessDefinitionVersion(job.processDefinitionVersion())
        .setProcessDefinitionKey(job.processDefinitionKey()).setElementId(job.elementId())
        .setElementInstanceKey(job.elementInstanceKey()).setCustomHeaders(Json.toJson(view.customHeaders()))
        .setWorker(nz(job.worker())).setRetries(job.retries()).setDeadline(job.deadline())
        .setVariables(variables).setTenantId(tenant(job.tenantId()))
        .setKind(ActivatedJob.JobKind.valueOf(view.kind()))
        .setListenerEventType(ActivatedJob.ListenerEventType.valueOf(view.listenerEventType()));
    if (view.userTask() != null) {
      var t = view.userTask();
      UserTaskProperties.Builder task = UserTaskProperties.newBuilder().setUserTaskKey(t.userTaskKey())
          .setAction(nz(t.action())).addAllCandidateGroups(t.candidateGroups())
          .addAllCandidateUsers(t.candidateUsers()).addAllChangedAttributes(t.changedAttributes())
          .setFormKey(t.formKey()).setPriority(t.priority());
      // unset, not empty: the client reads an empty date as a date and fails
      if (t.assignee() != null && !t.assignee().isEmpty()) task.setAssignee(t.assignee());
      if (t.dueDate() != null && !t.dueDate().isEmpty()) task.setDueDate(t.dueDate());
      if (t.followUpDate() != null && !t.followUpDate().isEmpty()) task.setFollowUpDate(t.followUpDate());
      builder.setUserTask(task);
    }
    return builder.build();
  }

  static List<ActivatedJob> activatedJobs(io.caseway.engine.protocol.value.JobBatchRecord b) {
    List<ActivatedJob> jobs = new ArrayList<>();
    for (int i = 0; i < b.jobKeys().size(); i++) {
      jobs.add(activatedJob(b.jobKeys().get(i), b.jobs().get(i), b.jobVariables().get(i)));
    }
    return jobs;
  }

}
