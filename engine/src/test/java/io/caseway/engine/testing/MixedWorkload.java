package io.caseway.engine.testing;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.caseway.engine.protocol.RecordType;
import io.caseway.engine.protocol.intent.IncidentIntent;
import io.caseway.engine.protocol.intent.ProcessInstanceIntent;
import io.caseway.engine.protocol.intent.UserTaskIntent;
import io.caseway.engine.protocol.value.ProcessInstanceRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * Drives an engine, through the Camunda client, into a state with a bit of everything: waiting
 * timers (intermediate and boundary), buffered messages (one already correlated), open message
 * subscriptions (catch events and boundary events), a message start event subscription, jobs that
 * are activatable (in an order changed by time-outs and back-offs), activated, failed into an
 * incident and waiting for a back-off, an incident on a gateway, a user task, a parallel join
 * holding a token, variables on several scopes, a decision, a deleted process whose version stays
 * taken, and a pinned and moved clock.
 */
public final class MixedWorkload {
  public static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

  private final EngineHarness h;
  /** Instances of "timers" still waiting on their timer when {@link #run} returns. */
  public final List<Long> waitingTimerInstances = new ArrayList<>();

  public MixedWorkload(EngineHarness h) {
    this.h = h;
  }

  private CamundaClient client() {
    return h.client();
  }

  static List<BpmnModelInstance> models() {
    return List.of(
        Bpmn.createExecutableProcess("timers").startEvent("start")
            .intermediateCatchEvent("wait", e -> e.timerWithDuration("PT1H")).endEvent("end").done(),
        Bpmn.createExecutableProcess("jobs").startEvent("start")
            .serviceTask("work", t -> t.zeebeJobType("work").zeebeJobRetries("3")).endEvent("end").done(),
        Bpmn.createExecutableProcess("msg").startEvent("start")
            .intermediateCatchEvent("ping", e -> e.message(m -> m.name("ping").zeebeCorrelationKeyExpression("orderId")))
            .endEvent("end").done(),
        Bpmn.createExecutableProcess("forked").startEvent("start").parallelGateway("fork")
            .serviceTask("a", t -> t.zeebeJobType("a")).parallelGateway("join")
            .moveToNode("fork").serviceTask("b", t -> t.zeebeJobType("b")).connectTo("join")
            .endEvent("end").done(),
        Bpmn.createExecutableProcess("withSub").startEvent("start")
            .subProcess("sub", s -> s.embeddedSubProcess().startEvent("subStart")
                .userTask("review", t -> t.zeebeUserTask().zeebeAssignee("anna")).endEvent("subEnd"))
            .endEvent("done")
            .moveToActivity("sub").boundaryEvent("cancelSub",
                b -> b.message(m -> m.name("cancelSub").zeebeCorrelationKeyExpression("orderId")))
            .endEvent("canceled")
            .moveToActivity("sub").boundaryEvent("late", b -> b.timerWithDuration("PT3H").cancelActivity(false))
            .endEvent("lateEnd")
            .done(),
        Bpmn.createExecutableProcess("kick").startEvent("kickoff").message("kickoff")
            .serviceTask("kicked", t -> t.zeebeJobType("kicked")).endEvent("end").done(),
        Bpmn.createExecutableProcess("noMatch").startEvent("start").exclusiveGateway("gw")
            .sequenceFlowId("high").conditionExpression("score > 5").endEvent("big")
            .moveToLastGateway().sequenceFlowId("low").conditionExpression("score < 0").endEvent("small")
            .done());
  }

  /** Runs the workload; {@code between} runs between its phases (a restart, for instance). */
  public void run(Runnable between) {
    h.engine().pinClock(START).join();
    var deploy = client().newDeployResourceCommand().addProcessModel(models().get(0), "timers.bpmn");
    for (BpmnModelInstance model : models().subList(1, models().size())) {
      deploy = deploy.addProcessModel(model, Bpmn.convertToString(model).hashCode() + ".bpmn");
    }
    deploy.send().join();
    // a second version of "jobs", so that versions and latest-version lookups carry over
    client().newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("jobs").startEvent("start")
        .serviceTask("work", t -> t.zeebeJobType("work").zeebeJobRetries("3")).endEvent("end2").done(), "jobs2.bpmn")
        .send().join();
    // a decision (its parsed model is rebuilt on recovery), and a deleted process whose version stays taken
    client().newDeployResourceCommand().addResourceFromClasspath("conformance/task/0004-business-rule-task/track.dmn")
        .send().join();
    long temp = client().newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("temp").startEvent()
        .endEvent().done(), "temp.bpmn").send().join().getProcesses().get(0).getProcessDefinitionKey();
    client().newDeleteResourceCommand(temp).send().join();
    settle();
    between.run();

    for (int i = 0; i < 3; i++) {
      create("timers", Map.of("i", i));
    }
    for (int i = 0; i < 6; i++) {
      create("jobs", Map.of("n", i, "text", "job " + i));
    }
    for (int i = 1; i <= 3; i++) {
      create("msg", Map.of("orderId", "o" + i));
    }
    for (int i = 0; i < 2; i++) {
      create("forked", Map.of("i", i));
    }
    create("withSub", Map.of("orderId", "s1"));
    long sub2 = create("withSub", Map.of("orderId", "s2", "nested", Map.of("a", List.of(1, 2, 3))));
    long noMatch = create("noMatch", Map.of("score", 1));
    h.awaitRecord(r -> r.recordType() == RecordType.EVENT && r.intent() == IncidentIntent.CREATED);
    awaitUserTasks(2);
    settle();
    between.run();

    List<ActivatedJob> work = activate("work", 2, Duration.ofMinutes(10));
    client().newFailCommand(work.get(0).getKey()).retries(2).retryBackoff(Duration.ofMinutes(1))
        .errorMessage("try again").send().join();
    ActivatedJob a = activate("a", 1, Duration.ofMinutes(10)).get(0);
    client().newCompleteCommand(a.getKey()).variables(Map.of("fromA", true)).send().join();
    settle();
    between.run();

    // time-outs and back-offs put jobs back at the end of the activation queue; timers fire
    h.engine().addClockOffset(Duration.ofMinutes(90)).join();
    settle();
    between.run();

    for (int i = 0; i < 2; i++) {
      waitingTimerInstances.add(create("timers", Map.of("late", i)));
    }
    work = activate("work", 3, Duration.ofMinutes(10));
    client().newCompleteCommand(work.get(0).getKey()).variables(Map.of("done", 1)).send().join();
    client().newFailCommand(work.get(1).getKey()).retries(0).errorMessage("broken").send().join();
    ActivatedJob backoff = activate("work", 1, Duration.ofMinutes(10)).get(0);
    client().newFailCommand(backoff.getKey()).retries(1).retryBackoff(Duration.ofMinutes(5)).send().join();
    settle();
    between.run();

    publish("ping", "nobody", Duration.ofHours(1), "nobody-1");
    publish("ping", "o1", Duration.ZERO, "");
    publish("ping", "o2", Duration.ofHours(1), "o2-once");
    publish("cancelSub", "s1", Duration.ZERO, "");
    publish("kickoff", "", Duration.ZERO, "");
    client().newSetVariablesCommand(sub2).variables(Map.of("extra", "x", "count", 2)).send().join();
    client().newSetVariablesCommand(noMatch).variables(Map.of("fixed", false)).send().join();
    settle();
  }

  private long create(String processId, Map<String, Object> variables) {
    return client().newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables)
        .send().join().getProcessInstanceKey();
  }

  private List<ActivatedJob> activate(String type, int count, Duration timeout) {
    return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> client().newActivateJobsCommand()
        .jobType(type).maxJobsToActivate(count).timeout(timeout).workerName("worker-" + type)
        .requestTimeout(Duration.ofSeconds(1)).send().join().getJobs(), jobs -> jobs.size() == count);
  }

  public void publish(String name, String correlationKey, Duration ttl, String messageId) {
    client().newPublishMessageCommand().messageName(name).correlationKey(correlationKey).timeToLive(ttl)
        .messageId(messageId).variables(Map.of("message", name + "/" + correlationKey)).send().join();
  }

  private void awaitUserTasks(int count) {
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> h.records().stream()
        .filter(r -> r.recordType() == RecordType.EVENT && r.intent() == UserTaskIntent.CREATED).count() >= count);
  }

  /** True once the process instance has completed. */
  public boolean completed(long processInstanceKey) {
    return h.records().stream().anyMatch(r -> r.recordType() == RecordType.EVENT
        && r.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED && r.key() == processInstanceKey
        && r.value() instanceof ProcessInstanceRecord pi && pi.processInstanceKey() == processInstanceKey);
  }

  /** Waits until no record was committed for a while (due timers fired, follow-ups done). */
  public void settle() {
    settle(h);
  }

  public static void settle(EngineHarness h) {
    int[] last = {-1};
    Awaitility.await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofMillis(100))
        .pollInterval(Duration.ofMillis(100)).until(() -> {
          int now = h.records().size();
          boolean quiet = now == last[0];
          last[0] = now;
          return quiet;
        });
  }
}
