package io.caseway.engine.processing.deployment;

import io.caseway.engine.dmn.DecisionInfo;
import io.caseway.engine.dmn.ParseResult;
import io.caseway.engine.expression.ExpressionLanguage;
import io.caseway.engine.expression.Json;
import io.caseway.engine.expression.TypedResult;
import io.caseway.engine.expression.VariableLookup;
import io.caseway.engine.model.BpmnEventType;
import io.caseway.engine.model.BpmnTransformer;
import io.caseway.engine.model.ExecutableElement;
import io.caseway.engine.model.ExecutableProcess;
import io.caseway.engine.processing.Command;
import io.caseway.engine.processing.CommandProcessor;
import io.caseway.engine.processing.ProcessingContext;
import io.caseway.engine.processing.Rejection;
import io.caseway.engine.processing.bpmn.behavior.BpmnEventSubscriptionBehavior;
import io.caseway.engine.protocol.intent.DecisionIntent;
import io.caseway.engine.protocol.intent.DecisionRequirementsIntent;
import io.caseway.engine.protocol.intent.DeploymentIntent;
import io.caseway.engine.protocol.intent.FormIntent;
import io.caseway.engine.protocol.intent.MessageStartEventSubscriptionIntent;
import io.caseway.engine.protocol.intent.ProcessIntent;
import io.caseway.engine.protocol.intent.TimerIntent;
import io.caseway.engine.protocol.value.DecisionRecord;
import io.caseway.engine.protocol.value.DecisionRequirementsRecord;
import io.caseway.engine.protocol.value.DeploymentRecord;
import io.caseway.engine.protocol.value.DeploymentRecord.DecisionMetadata;
import io.caseway.engine.protocol.value.DeploymentRecord.DecisionRequirementsMetadata;
import io.caseway.engine.protocol.value.DeploymentRecord.FormMetadata;
import io.caseway.engine.protocol.value.DeploymentRecord.ProcessMetadata;
import io.caseway.engine.protocol.value.DeploymentRecord.Resource;
import io.caseway.engine.protocol.value.FormRecord;
import io.caseway.engine.protocol.value.MessageStartEventSubscriptionRecord;
import io.caseway.engine.protocol.value.ProcessRecord;
import io.caseway.engine.protocol.value.TimerRecord;
import io.caseway.engine.state.DeploymentState;
import io.caseway.engine.state.DeploymentState.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deploys BPMN, DMN and form resources atomically: every resource is parsed and validated first,
 * and one bad resource rejects the whole deployment with every problem named. A resource identical
 * to the latest version of its id keeps that version (no new version is created).
 */
public final class DeploymentCreateProcessor implements CommandProcessor {
  private final ResourceModelCache models;
  private final ExpressionLanguage el;
  private final BpmnEventSubscriptionBehavior events;

  public DeploymentCreateProcessor(ResourceModelCache models, ExpressionLanguage el, BpmnEventSubscriptionBehavior events) {
    this.models = models;
    this.el = el;
    this.events = events;
  }

  private record Parsed(Resource resource, String checksum, List<ExecutableProcess> processes,
      ParseResult dmn, String formId) {}

  @Override
  public void process(Command command, ProcessingContext ctx) {
    DeploymentRecord request = command.valueAs(DeploymentRecord.class);
    if (request.resources() == null || request.resources().isEmpty()) {
      throw Rejection.invalidArgument("Expected to deploy at least one resource, but none given");
    }
    List<String> problems = new ArrayList<>();
    List<Parsed> parsed = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Resource r : request.resources()) {
      String name = r.name() == null ? "" : r.name();
      String checksum = ResourceModelCache.checksum(r.content());
      if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml") || name.endsWith(".xml")) {
        BpmnTransformer.Result result = models.transform(name, r.content());
        result.problems().forEach(p -> problems.add("'" + name + "': " + p));
        for (ExecutableProcess p : result.processes()) {
          if (!ids.add("process:" + p.bpmnProcessId())) {
            problems.add("'" + name + "': the process id '" + p.bpmnProcessId() + "' appears twice in this deployment");
          }
          validateStartEvents(name, p, problems);
        }
        parsed.add(new Parsed(r, checksum, result.processes(), null, null));
      } else if (name.endsWith(".dmn")) {
        ParseResult result = models.parseDmn(r.content());
        if (result.isFailure()) {
          problems.add("'" + name + "': " + result.failure());
        }
        parsed.add(new Parsed(r, checksum, List.of(), result, null));
      } else if (name.endsWith(".form")) {
        String formId = formId(r.content());
        if (formId == null) {
          problems.add("'" + name + "': expected a Camunda Form (JSON) with a string 'id', but there was none");
        }
        parsed.add(new Parsed(r, checksum, List.of(), null, formId));
      } else {
        problems.add("'" + name + "': expected a resource ending in .bpmn, .dmn or .form");
      }
    }
    if (!problems.isEmpty()) {
      throw Rejection.invalidArgument("Expected to deploy new resources, but encountered the following errors:\n- "
          + String.join("\n- ", problems));
    }
    long deploymentKey = ctx.newKey();
    List<ProcessMetadata> processes = new ArrayList<>();
    List<DecisionRequirementsMetadata> drgs = new ArrayList<>();
    List<DecisionMetadata> decisions = new ArrayList<>();
    List<FormMetadata> forms = new ArrayList<>();
    DeploymentState state = ctx.state().deployments();
    for (Parsed p : parsed) {
      String text = new String(p.resource().content(), StandardCharsets.UTF_8);
      for (ExecutableProcess process : p.processes()) {
        DeploymentState.DeployedProcess latest = state.latestProcess(process.bpmnProcessId());
        if (latest != null && latest.record().checksum().equals(p.checksum())) {
          processes.add(new ProcessMetadata(process.bpmnProcessId(), latest.record().version(),
              latest.record().processDefinitionKey(), p.resource().name(), true));
          continue;
        }
        long key = ctx.newKey();
        ProcessRecord record = new ProcessRecord(process.bpmnProcessId(), state.nextVersion(Kind.PROCESS,
            process.bpmnProcessId()), key, p.resource().name(), p.checksum(), text, deploymentKey, request.tenantId());
        ctx.event(key, ProcessIntent.CREATED, record);
        replaceStartEvents(ctx, latest, record, process);
        processes.add(new ProcessMetadata(record.bpmnProcessId(), record.version(), key, record.resourceName(), false));
      }
      if (p.dmn() != null) {
        var drg = p.dmn().drg();
        DeploymentState.DeployedDrg latest = state.latestDrg(drg.drgId());
        if (latest != null && latest.record().checksum().equals(p.checksum())) {
          drgs.add(new DecisionRequirementsMetadata(drg.drgId(), drg.drgName(), latest.record().version(),
              latest.record().decisionRequirementsKey(), p.resource().name(), true));
          for (DecisionInfo d : drg.decisions()) {
            DecisionRecord existing = state.latestDecision(d.decisionId());
            decisions.add(new DecisionMetadata(d.decisionId(), d.decisionName(), existing.version(),
                existing.decisionKey(), drg.drgId(), latest.record().decisionRequirementsKey(), true));
          }
          continue;
        }
        long drgKey = ctx.newKey();
        DecisionRequirementsRecord record = new DecisionRequirementsRecord(drg.drgId(), drg.drgName(),
            state.nextVersion(Kind.DRG, drg.drgId()), drgKey, drg.namespace(), p.resource().name(), p.checksum(),
            text, request.tenantId());
        ctx.event(drgKey, DecisionRequirementsIntent.CREATED, record);
        drgs.add(new DecisionRequirementsMetadata(drg.drgId(), drg.drgName(), record.version(), drgKey,
            p.resource().name(), false));
        for (DecisionInfo d : drg.decisions()) {
          long decisionKey = ctx.newKey();
          DecisionRecord decision = new DecisionRecord(d.decisionId(), d.decisionName(),
              state.nextVersion(Kind.DECISION, d.decisionId()), decisionKey, drg.drgId(), drgKey, request.tenantId());
          ctx.event(decisionKey, DecisionIntent.CREATED, decision);
          decisions.add(new DecisionMetadata(d.decisionId(), d.decisionName(), decision.version(), decisionKey,
              drg.drgId(), drgKey, false));
        }
      }
      if (p.formId() != null) {
        FormRecord latest = state.latestForm(p.formId());
        if (latest != null && latest.checksum().equals(p.checksum())) {
          forms.add(new FormMetadata(p.formId(), latest.version(), latest.formKey(), p.resource().name(), true));
          continue;
        }
        long formKey = ctx.newKey();
        FormRecord form = new FormRecord(p.formId(), state.nextVersion(Kind.FORM, p.formId()), formKey,
            p.resource().name(), p.checksum(), text, request.tenantId());
        ctx.event(formKey, FormIntent.CREATED, form);
        forms.add(new FormMetadata(p.formId(), form.version(), formKey, p.resource().name(), false));
      }
    }
    List<Resource> names = request.resources().stream().map(r -> new Resource(r.name(), null)).toList();
    ctx.respond(ctx.event(deploymentKey, DeploymentIntent.CREATED,
        new DeploymentRecord(names, processes, drgs, decisions, forms, request.tenantId())));
  }

  private void validateStartEvents(String name, ExecutableProcess process, List<String> problems) {
    for (ExecutableElement start : process.root().startEvents()) {
      if (start.eventType() == BpmnEventType.TIMER) {
        TypedResult<BpmnEventSubscriptionBehavior.Due> due =
            events.dueDate(start, start.timer(), VariableLookup.empty(), Instant.now());
        if (due.isFailure()) {
          problems.add("'" + name + "': Element '" + start.id() + "': " + due.failure());
        }
      } else if (start.eventType() == BpmnEventType.MESSAGE && start.message() != null) {
        TypedResult<String> messageName = el.evaluateString(start.message().name(), VariableLookup.empty());
        if (messageName.isFailure()) {
          problems.add("'" + name + "': Element '" + start.id() + "': the message name must be known at deployment: "
              + messageName.failure());
        }
      }
    }
  }

  /** The latest version's timer, message and signal start events replace the previous version's. */
  private void replaceStartEvents(ProcessingContext ctx, DeploymentState.DeployedProcess previous, ProcessRecord record,
      ExecutableProcess process) {
    if (previous != null) {
      long previousKey = previous.record().processDefinitionKey();
      for (long timerKey : List.copyOf(ctx.state().timers().ofProcessDefinition(previousKey))) {
        ctx.event(timerKey, TimerIntent.CANCELED, ctx.state().timers().get(timerKey));
      }
      for (long signalKey : ctx.state().signals().startSubscriptionsOf(previousKey)) {
        ctx.event(signalKey, io.caseway.engine.protocol.intent.SignalSubscriptionIntent.DELETED,
            ctx.state().signals().subscription(signalKey));
      }
      for (ExecutableElement start : previous.executable().root().startEvents()) {
        if (start.eventType() == BpmnEventType.MESSAGE) {
          ctx.event(ctx.newKey(), MessageStartEventSubscriptionIntent.DELETED, new MessageStartEventSubscriptionRecord(
              previousKey, previous.record().bpmnProcessId(), start.id(), null, -1, null, null, -1, record.tenantId()));
          break;
        }
      }
    }
    for (ExecutableElement start : process.root().startEvents()) {
      if (start.eventType() == BpmnEventType.TIMER) {
        var due = events.dueDate(start, start.timer(), VariableLookup.empty(), Instant.ofEpochMilli(ctx.now())).value();
        ctx.event(ctx.newKey(), TimerIntent.CREATED, new TimerRecord(-1, -1, record.processDefinitionKey(), start.id(),
            due.dueDate().toEpochMilli(), due.cycle() == null ? 1 : due.cycle().repetitions(),
            due.cycle() == null ? null : due.cycle().toIsoString(), record.tenantId()));
      } else if (start.eventType() == BpmnEventType.SIGNAL) {
        String signalName = el.evaluateString(start.signalName(), VariableLookup.empty()).value();
        ctx.event(ctx.newKey(), io.caseway.engine.protocol.intent.SignalSubscriptionIntent.CREATED,
            new io.caseway.engine.protocol.value.SignalSubscriptionRecord(signalName, record.processDefinitionKey(),
                record.bpmnProcessId(), start.id(), -1, -1, record.tenantId()));
      } else if (start.eventType() == BpmnEventType.MESSAGE) {
        String messageName = el.evaluateString(start.message().name(), VariableLookup.empty()).value();
        ctx.event(ctx.newKey(), MessageStartEventSubscriptionIntent.CREATED, new MessageStartEventSubscriptionRecord(
            record.processDefinitionKey(), record.bpmnProcessId(), start.id(), messageName, -1, null, null, -1,
            record.tenantId()));
      }
    }
  }

  private static String formId(byte[] content) {
    try {
      Map<String, Object> form = Json.fromJsonObject(new String(content, StandardCharsets.UTF_8));
      return form.get("id") instanceof String id && !id.isBlank() ? id : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
