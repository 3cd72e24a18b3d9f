package io.caseway.engine.processing.usertask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.caseway.engine.protocol.intent.JobIntent;
import io.caseway.engine.protocol.intent.UserTaskIntent;
import io.caseway.engine.protocol.value.UserTaskRecord;
import io.caseway.engine.testing.EngineHarness;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.UserTaskBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task listeners on Camunda user tasks, driven through the official client: gRPC for the listener
 * jobs, REST for the user task commands (as Tasklist and Caseway's coach UI call them).
 */
class TaskListenerTest {
  @TempDir Path data;
  private EngineHarness h;
  private CamundaClient rest;

  @BeforeEach
  void start() {
    h = new EngineHarness(data);
    rest = h.newRestOnlyClient();
  }

  @AfterEach
  void stop() {
    rest.close();
    h.close();
  }

  private long startReview(Consumer<UserTaskBuilder> task) {
    BpmnModelInstance model = Bpmn.createExecutableProcess("review").startEvent()
        .userTask("UserTask_Review", t -> {
          t.zeebeUserTask().zeebeCandidateGroups("caseworkers").zeebeTaskHeader("purpose", "roundtable");
          task.accept(t);
        })
        .endEvent().done();
    h.client().newDeployResourceCommand().addProcessModel(model, "review.bpmn").send().join();
    return h.client().newCreateInstanceCommand().bpmnProcessId("review").latestVersion()
        .variables(Map.of("caseId", "c-1")).send().join().getProcessInstanceKey();
  }

  private ActivatedJob listenerJob(String type) {
    return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> h.client().newActivateJobsCommand()
        .jobType(type).maxJobsToActivate(1).timeout(Duration.ofMillis(500)).requestTimeout(Duration.ofMillis(500))
        .send().join().getJobs(), jobs -> !jobs.isEmpty()).get(0);
  }

  private long taskKey(long pik, UserTaskIntent intent) {
    return h.awaitRecord(r -> r.intent() == intent && ((UserTaskRecord) r.value()).processInstanceKey() == pik).key();
  }

  private UserTaskRecord last(long key, UserTaskIntent intent) {
    h.awaitRecord(r -> r.key() == key && r.intent() == intent);
    return h.records().stream().filter(r -> r.key() == key && r.intent() == intent).reduce((a, b) -> b)
        .map(r -> (UserTaskRecord) r.value()).orElseThrow();
  }

  private long count(UserTaskIntent intent) {
    return h.records().stream().filter(r -> r.intent() == intent).count();
  }

  @Test
  void shouldCompleteTheTaskOnlyOnceItsCompletingListenerIsDoneAndAnswerTheCallerThen() {
    long pik = startReview(t -> t.zeebeTaskListener(l -> l.completing().type("check-minutes")));
    long task = taskKey(pik, UserTaskIntent.CREATED);

    CompletableFuture<?> completion = rest.newCompleteUserTaskCommand(task).variables(Map.of("decision", "approve"))
        .send().toCompletableFuture();
    ActivatedJob job = listenerJob("check-minutes");
    // the transition waits for the listener, and so does the caller
    assertThat(job.getKind()).isEqualTo(JobKind.TASK_LISTENER);
    assertThat(job.getListenerEventType()).isEqualTo(ListenerEventType.COMPLETING);
    assertThat(job.getUserTask().getUserTaskKey()).isEqualTo(task);
    assertThat(job.getUserTask().getCandidateGroups()).containsExactly("caseworkers");
    assertThat(job.getUserTask().getAction()).isEqualTo("complete");
    assertThat(job.getCustomHeaders()).containsExactly(Map.entry("purpose", "roundtable"));
    assertThat(completion).isNotDone();
    assertThat(count(UserTaskIntent.COMPLETED)).isZero();

    h.client().newCompleteCommand(job.getKey()).send().join();
    completion.join();
    h.awaitProcessCompleted(pik);
    assertThat(last(task, UserTaskIntent.COMPLETED).variables()).contains("approve");
  }

  @Test
  void shouldKeepTheTaskOpenAndRefuseTheCallerWhenAListenerDeniesTheCompletion() {
    long pik = startReview(t -> t.zeebeTaskListener(l -> l.completing().type("check-minutes")));
    long task = taskKey(pik, UserTaskIntent.CREATED);

    CompletableFuture<?> refused = rest.newCompleteUserTaskCommand(task).variables(Map.of("decision", "approve"))
        .send().toCompletableFuture();
    h.client().newCompleteCommand(listenerJob("check-minutes").getKey())
        .withResult(r -> r.forUserTask().deny(true, "The minutes are missing the citizen's own assessment")).send().join();
    assertThatThrownBy(refused::join).isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(409))
        .satisfies(e -> assertThat(((ProblemException) e).details().getDetail())
            .contains("denied by a task listener").contains("missing the citizen's own assessment"));
    assertThat(count(UserTaskIntent.COMPLETION_DENIED)).isEqualTo(1);
    assertThat(count(UserTaskIntent.COMPLETED)).isZero();

    // the task is open again: it can be assigned and completed, and this time the listener agrees
    rest.newAssignUserTaskCommand(task).assignee("anna").send().join();
    CompletableFuture<?> completion = rest.newCompleteUserTaskCommand(task).send().toCompletableFuture();
    h.client().newCompleteCommand(listenerJob("check-minutes").getKey()).send().join();
    completion.join();
    h.awaitProcessCompleted(pik);
  }

  @Test
  void shouldApplyCorrectionsOfAssigningListenersInOrderEachSeeingThePreviousOnes() {
    long pik = startReview(t -> t.zeebeTaskListener(l -> l.assigning().type("route-to-team"))
        .zeebeTaskListener(l -> l.assigning().type("notify-coach")));
    long task = taskKey(pik, UserTaskIntent.CREATED);

    CompletableFuture<?> assignment = rest.newAssignUserTaskCommand(task).assignee("anna").send().toCompletableFuture();
    ActivatedJob first = listenerJob("route-to-team");
    assertThat(first.getUserTask().getAssignee()).isEqualTo("anna");
    assertThat(first.getUserTask().getChangedAttributes()).containsExactly("assignee");
    h.client().newCompleteCommand(first.getKey())
        .withResult(r -> r.forUserTask().correctAssignee("ben").correctPriority(80)).send().join();
    ActivatedJob second = listenerJob("notify-coach");
    assertThat(second.getUserTask().getAssignee()).isEqualTo("ben");
    assertThat(second.getUserTask().getPriority()).isEqualTo(80);
    assertThat(second.getUserTask().getChangedAttributes()).containsExactlyInAnyOrder("assignee", "priority");
    assertThat(assignment).isNotDone();
    h.client().newCompleteCommand(second.getKey()).send().join();
    assignment.join();

    UserTaskRecord assigned = last(task, UserTaskIntent.ASSIGNED);
    assertThat(assigned.assignee()).isEqualTo("ben");
    assertThat(assigned.priority()).isEqualTo(80);
    assertThat(count(UserTaskIntent.CORRECTED)).isEqualTo(1);
  }

  @Test
  void shouldRunCreatingListenersBeforeTheTaskIsCreatedThenGiveTheModelsAssigneeThroughAssigning() {
    long pik = startReview(t -> t.zeebeAssignee("=\"anna\"")
        .zeebeTaskListener(l -> l.creating().type("set-due-date"))
        .zeebeTaskListener(l -> l.assigning().type("notify-coach")));

    ActivatedJob creating = listenerJob("set-due-date");
    assertThat(creating.getListenerEventType()).isEqualTo(ListenerEventType.CREATING);
    assertThat(count(UserTaskIntent.CREATED)).isZero();
    // a task being created cannot be completed yet
    long task = creating.getUserTask().getUserTaskKey();
    assertThatThrownBy(() -> rest.newCompleteUserTaskCommand(task).send().join())
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(409))
        .satisfies(e -> assertThat(((ProblemException) e).details().getDetail()).contains("being created"));
    h.client().newCompleteCommand(creating.getKey())
        .withResult(r -> r.forUserTask().correctDueDate("2027-01-15T09:00:00Z")).send().join();

    ActivatedJob assigning = listenerJob("notify-coach");
    assertThat(assigning.getUserTask().getAssignee()).isEqualTo("anna");
    assertThat(last(task, UserTaskIntent.CREATED).assignee()).isNull();
    assertThat(last(task, UserTaskIntent.CREATED).dueDate()).isEqualTo("2027-01-15T09:00:00Z");
    h.client().newCompleteCommand(assigning.getKey()).send().join();
    assertThat(last(task, UserTaskIntent.ASSIGNED).assignee()).isEqualTo("anna");
  }

  @Test
  void shouldDenyAnUpdateKeepingTheTaskAsItWas() {
    long pik = startReview(t -> t.zeebeTaskListener(l -> l.updating().type("guard-priority")));
    long task = taskKey(pik, UserTaskIntent.CREATED);

    CompletableFuture<?> update = rest.newUpdateUserTaskCommand(task).priority(99).send().toCompletableFuture();
    ActivatedJob job = listenerJob("guard-priority");
    assertThat(job.getUserTask().getPriority()).isEqualTo(99);
    h.client().newCompleteCommand(job.getKey()).withResult(r -> r.forUserTask().deny(true)).send().join();
    assertThatThrownBy(update::join).isInstanceOf(ProblemException.class);
    assertThat(count(UserTaskIntent.UPDATE_DENIED)).isEqualTo(1);
    assertThat(count(UserTaskIntent.UPDATED)).isZero();
    CompletableFuture<?> next = rest.newUpdateUserTaskCommand(task).priority(70).send().toCompletableFuture();
    ActivatedJob again = listenerJob("guard-priority");
    assertThat(again.getUserTask().getChangedAttributes()).containsExactly("priority");
    h.client().newCompleteCommand(again.getKey()).send().join();
    next.join();
    assertThat(last(task, UserTaskIntent.UPDATED).priority()).isEqualTo(70);
  }

  @Test
  void shouldRefuseWhatTaskListenersCannotDoAndChangeNothing() {
    long pik = startReview(t -> t.zeebeTaskListener(l -> l.creating().type("set-due-date")));
    ActivatedJob job = listenerJob("set-due-date");
    long before = h.records().size();

    assertThatThrownBy(() -> h.client().newCompleteCommand(job.getKey()).variables(Map.of("x", 1)).send().join())
        .isInstanceOf(ClientStatusException.class).hasMessageContaining("INVALID_ARGUMENT")
        .hasMessageContaining("task listeners cannot set variables");
    assertThatThrownBy(() -> h.client().newCompleteCommand(job.getKey()).withResult(r -> r.forUserTask().deny(true))
            .send().join())
        .hasMessageContaining("INVALID_ARGUMENT").hasMessageContaining("only assigning, updating and completing");
    assertThatThrownBy(() -> h.client().newThrowErrorCommand(job.getKey()).errorCode("NOPE").send().join())
        .hasMessageContaining("INVALID_ARGUMENT").hasMessageContaining("cannot throw BPMN errors");
    assertThat(h.records().stream().skip(before).filter(r -> r.intent() == JobIntent.COMPLETED
        || r.intent() == JobIntent.ERROR_THROWN)).isEmpty();

    h.client().newCompleteCommand(job.getKey()).send().join();
    taskKey(pik, UserTaskIntent.CREATED);
  }

  @Test
  void shouldResumeAWaitingTransitionAfterARestart() {
    long pik = startReview(t -> t.zeebeTaskListener(l -> l.assigning().type("route-to-team")));
    long task = taskKey(pik, UserTaskIntent.CREATED);
    rest.newAssignUserTaskCommand(task).assignee("anna").send();
    h.awaitRecord(r -> r.intent() == JobIntent.CREATED);

    h.restart();
    rest.close();
    rest = h.newRestOnlyClient();
    h.client().newCompleteCommand(listenerJob("route-to-team").getKey())
        .withResult(r -> r.forUserTask().correctCandidateGroups(List.of("health-team"))).send().join();
    UserTaskRecord assigned = last(task, UserTaskIntent.ASSIGNED);
    assertThat(assigned.assignee()).isEqualTo("anna");
    assertThat(assigned.candidateGroups()).containsExactly("health-team");
    rest.newCompleteUserTaskCommand(task).send().join();
    h.awaitProcessCompleted(pik);
  }

  @Test
  void shouldCancelTheListenerJobAndRefuseTheCallerWhenTheInstanceIsCanceled() {
    long pik = startReview(t -> t.zeebeTaskListener(l -> l.completing().type("check-minutes")));
    long task = taskKey(pik, UserTaskIntent.CREATED);
    CompletableFuture<?> completion = rest.newCompleteUserTaskCommand(task).send().toCompletableFuture();
    ActivatedJob job = listenerJob("check-minutes");

    h.client().newCancelInstanceCommand(pik).send().join();
    assertThatThrownBy(completion::join).isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).details().getDetail()).contains("was canceled"));
    assertThat(count(UserTaskIntent.CANCELED)).isEqualTo(1);
    assertThatThrownBy(() -> h.client().newCompleteCommand(job.getKey()).send().join())
        .hasMessageContaining("NOT_FOUND");
  }

  @Test
  void shouldLetCancelingListenersRunBeforeTheInterruptedTaskIsGoneAndTheBoundaryPathStarts() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("review").startEvent()
        .userTask("UserTask_Review", t -> t.zeebeUserTask()
            .zeebeTaskListener(l -> l.canceling().type("release-slot")))
        .endEvent()
        .moveToActivity("UserTask_Review").boundaryEvent("BoundaryEvent_Withdrawn").message(m -> m.name("withdrawn")
            .zeebeCorrelationKeyExpression("caseId"))
        .serviceTask("ServiceTask_Close", s -> s.zeebeJobType("close-case")).endEvent().done();
    h.client().newDeployResourceCommand().addProcessModel(model, "review.bpmn").send().join();
    long pik = h.client().newCreateInstanceCommand().bpmnProcessId("review").latestVersion()
        .variables(Map.of("caseId", "c-1")).send().join().getProcessInstanceKey();
    long task = taskKey(pik, UserTaskIntent.CREATED);

    h.client().newPublishMessageCommand().messageName("withdrawn").correlationKey("c-1").send().join();
    ActivatedJob job = listenerJob("release-slot");
    assertThat(job.getListenerEventType()).isEqualTo(ListenerEventType.CANCELING);
    assertThat(job.getUserTask().getUserTaskKey()).isEqualTo(task);
    assertThat(count(UserTaskIntent.CANCELED)).isZero();
    assertThatThrownBy(() -> h.client().newCompleteCommand(job.getKey()).withResult(r -> r.forUserTask().deny(true))
            .send().join())
        .hasMessageContaining("INVALID_ARGUMENT");

    h.client().newCompleteCommand(job.getKey()).send().join();
    last(task, UserTaskIntent.CANCELED);
    h.client().newCompleteCommand(listenerJob("close-case").getKey()).send().join();
    h.awaitProcessCompleted(pik);
  }

  @Test
  void shouldHoldVariablesSetOnTheTaskUntilItsUpdatingListenersAgree() {
    long pik = startReview(t -> t.zeebeTaskListener(l -> l.updating().type("guard-variables")));
    long task = taskKey(pik, UserTaskIntent.CREATED);
    long elementInstance = last(task, UserTaskIntent.CREATED).elementInstanceKey();

    CompletableFuture<?> refused = rest.newSetVariablesCommand(elementInstance).variables(Map.of("diagnosis", "x"))
        .local(true).send().toCompletableFuture();
    ActivatedJob job = listenerJob("guard-variables");
    assertThat(job.getUserTask().getChangedAttributes()).containsExactly("variables");
    assertThat(h.engine().query(s -> s.variables().local(elementInstance, "diagnosis")).join()).isNull();
    h.client().newCompleteCommand(job.getKey()).withResult(r -> r.forUserTask().deny(true, "health data")).send().join();
    assertThatThrownBy(refused::join).isInstanceOf(ProblemException.class);
    assertThat(h.engine().query(s -> s.variables().local(elementInstance, "diagnosis")).join()).isNull();

    CompletableFuture<?> accepted = rest.newSetVariablesCommand(elementInstance).variables(Map.of("note", "call back"))
        .local(true).send().toCompletableFuture();
    h.client().newCompleteCommand(listenerJob("guard-variables").getKey()).send().join();
    accepted.join();
    assertThat(h.engine().query(s -> s.variables().local(elementInstance, "note")).join()).isNotNull();
    assertThat(count(UserTaskIntent.UPDATE_DENIED)).isEqualTo(1);
    assertThat(count(UserTaskIntent.UPDATED)).isEqualTo(1);
  }
}
