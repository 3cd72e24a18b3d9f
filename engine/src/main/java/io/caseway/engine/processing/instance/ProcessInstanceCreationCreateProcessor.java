package io.caseway.engine.processing.instance;

import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.processing.bpmn.behavior.BpmnBehaviors;
import io.caseway.engine.processing.bpmn.behavior.BpmnVariableBehavior;
import io.caseway.engine.processing.bpmn.behavior.ProcessResultAwaiters;
import io.caseway.engine.protocol.intent.ProcessInstanceCreationIntent;
import io.caseway.engine.protocol.value.ProcessInstanceCreationRecord;
import io.caseway.engine.state.DeploymentState.DeployedProcess;
import java.util.List;
import java.util.Map;

/** CreateProcessInstance: starts the latest (or a given) version at its none start event. */
public final class ProcessInstanceCreationCreateProcessor implements CommandProcessor {
  private final BpmnBehaviors b;

  public ProcessInstanceCreationCreateProcessor(BpmnBehaviors b) {
    this.b = b;
  }

  /**
   * CREATE answers once the instance started; CREATE_WITH_AWAITING_RESULT answers when it ends,
   * with the variables the caller asked for.
   */
  @Override
  public void process(Command command, ProcessingContext ctx) {
    boolean await = command.intent() == ProcessInstanceCreationIntent.CREATE_WITH_AWAITING_RESULT;
    ProcessInstanceCreationRecord request = command.valueAs(ProcessInstanceCreationRecord.class);
    DeployedProcess process = find(ctx, request);
    Map<String, String> variables = BpmnVariableBehavior.requireDocument(request.variables());
    ExecutableElement start;
    if (request.startInstructions() != null && !request.startInstructions().isEmpty()) {
      if (request.startInstructions().size() > 1) {
        throw Rejection.invalidArgument("The Caseway engine supports one start instruction per instance, but "
            + request.startInstructions().size() + " were given");
      }
      String elementId = request.startInstructions().get(0);
      start = process.executable().elements().get(elementId);
      if (start == null || start.flowScope() != process.executable().root()) {
        throw Rejection.invalidArgument("Expected to start process '" + process.record().bpmnProcessId()
            + "' at element '" + elementId + "', but the process has no such element at its top level");
      }
    } else {
      start = process.executable().root().noneStartEvent();
      if (start == null) {
        throw Rejection.invalidState("Expected to create an instance of process '" + process.record().bpmnProcessId()
            + "' with a none start event, but the process has no none start event (it starts by timer or message)");
      }
    }
    long key = b.starter().start(ctx, process, start, variables, -1, -1);
    var p = process.record();
    ProcessInstanceCreationRecord created = new ProcessInstanceCreationRecord(p.bpmnProcessId(), p.version(),
        p.processDefinitionKey(), key, request.variables(), request.startInstructions(), request.fetchVariables(),
        p.tenantId());
    var record = ctx.event(key, ProcessInstanceCreationIntent.CREATED, created);
    if (await) {
      b.results().await(key, new ProcessResultAwaiters.Awaiter(command.response(), request.fetchVariables()));
    } else {
      ctx.respond(record);
    }
  }

  private static DeployedProcess find(ProcessingContext ctx, ProcessInstanceCreationRecord request) {
    var deployments = ctx.state().deployments();
    if (request.processDefinitionKey() > 0) {
      DeployedProcess p = deployments.process(request.processDefinitionKey());
      if (p == null) {
        throw Rejection.notFound("Expected to find process definition with key '" + request.processDefinitionKey()
            + "', but none found");
      }
      return p;
    }
    if (request.bpmnProcessId() == null || request.bpmnProcessId().isBlank()) {
      throw Rejection.invalidArgument("Expected a BPMN process id or a process definition key, but neither was given");
    }
    if (request.version() > 0) {
      DeployedProcess p = deployments.process(request.bpmnProcessId(), request.version());
      if (p == null) {
        throw Rejection.notFound("Expected to find process definition with process ID '" + request.bpmnProcessId()
            + "' and version '" + request.version() + "', but none found");
      }
      return p;
    }
    DeployedProcess p = deployments.latestProcess(request.bpmnProcessId());
    if (p == null) {
      throw Rejection.notFound("Expected to find process definition with process ID '" + request.bpmnProcessId()
          + "', but none found");
    }
    return p;
  }
}
