package io.caseway.processes;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.assertions.UserTaskSelectors.byElementId;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.process.test.api.CamundaProcessTest;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.assertions.DecisionSelectors;
import io.camunda.process.test.api.assertions.ProcessInstanceSelector;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * referral-intake with its real decisions (triage-track, caseload-cap) and the real clarification-guarantee as the
 * called process; the workers are mocked (their own tests cover them). The policy durations are test values.
 */
@CamundaProcessTest
class ReferralIntakeProcessTest {
  private static final Duration CONSENT_REQUEST_DEADLINE = Duration.ofDays(14);
  private static final Duration WAITING_LIST_ESCALATION = Duration.ofDays(10);
  private static final Duration FIRST_CONTACT_DEADLINE = Duration.ofDays(7);
  private static final Map<String, Object> COACH_WITH_ROOM =
      Map.of("caseworkerId", "cw-1", "activeCases", 3, "cap", 20, "socialWorkQualified", true);
  private static final Map<String, Object> COACH_AT_CAP =
      Map.of("caseworkerId", "cw-2", "activeCases", 20, "cap", 20, "socialWorkQualified", true);

  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;
  /** What check-consent answers per data source; a source not listed has consent given. */
  private final Map<String, String> consentStatuses = new HashMap<>();
  /** The coach assign-coach proposes; null proposes nobody. */
  private final AtomicReference<Map<String, Object>> proposedCoach = new AtomicReference<>(COACH_WITH_ROOM);

  @BeforeEach
  void deploy() {
    ProcessResources.deployWithForms(client, "referral-intake.bpmn", "clarification-guarantee.bpmn",
        "triage-track.dmn", "caseload-cap.dmn");
    processTestContext.mockJobWorker("acknowledge-referral").thenComplete(Map.of("acknowledgedAt", "2026-12-01T09:00:00Z"));
    processTestContext.mockJobWorker("open-case").thenComplete(Map.of("caseId", "case-1"));
    processTestContext.mockJobWorker("check-consent").withHandler((jobs, job) -> jobs.newCompleteCommand(job)
        .variables(Map.of("consentStatus",
            consentStatuses.getOrDefault((String) job.getVariablesAsMap().get("dataSource"), "given")))
        .send().join());
    processTestContext.mockJobWorker("explain-consent-refusal").thenComplete();
    processTestContext.mockJobWorker("assign-coach").withHandler((jobs, job) -> {
      Map<String, Object> candidate = new HashMap<>();
      candidate.put("candidate", proposedCoach.get());
      jobs.newCompleteCommand(job).variables(candidate).send().join();
    });
    processTestContext.mockJobWorker("place-on-waiting-list").thenComplete(Map.of("waitingSince", "2026-12-01T09:01:00Z"));
    // the clarification guarantee's own jobs, once it runs
    processTestContext.mockJobWorker("send-clarification-warning").thenComplete();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(processTestContext.getCurrentTime(), ZoneOffset.UTC);
  }

  /** Publishes referral-received as the app does, with the policy data of the case's rule set. */
  private void refer(List<String> needs, List<String> dataSources) {
    Map<String, Object> variables = new HashMap<>(Map.of("referralId", "R-1", "needs", needs, "healthReferred", true,
        "citizenId", "citizen-1", "benefitStartDate", today().minusMonths(2).toString(),
        "consentRequestDeadline", CONSENT_REQUEST_DEADLINE.toString(),
        "waitingListEscalation", WAITING_LIST_ESCALATION.toString(),
        "firstContactDeadline", FIRST_CONTACT_DEADLINE.toString()));
    variables.putAll(Map.of("firstWarningOffset", "P9M", "secondWarningOffset", "P11M", "clarificationDeadline", "P12M",
        "roundtableDeadline", "P30D", "roundtableReminderInterval", "P7D"));
    if (dataSources != null) {
      variables.put("dataSources", dataSources);
    }
    client.newPublishMessageCommand().messageName("referral-received").correlationKey("R-1").messageId("R-1")
        .variables(variables).send().join();
  }

  private void coachPlaceIsTaken() {
    processTestContext.mockJobWorker("record-coach-assignment").thenComplete(Map.of("placeTaken", true));
  }

  private static ProcessInstanceSelector intake() {
    return ProcessInstanceSelectors.byProcessId("referral-intake");
  }

  @Test
  void withEveryConsentGivenTheCaseIsTriagedAssignedAndAfterTheFirstConversationTheClarificationGuaranteeStarts() {
    coachPlaceIsTaken();

    refer(List.of("HEALTH"), List.of("gp-records", "hospital-records"));

    assertThat(intake()).isActive()
        .hasCompletedElementsInOrder("ServiceTask_AcknowledgeReferral", "ScriptTask_ListPermittedDataSources",
            "BusinessRuleTask_TriageTrack", "ServiceTask_OpenCase", "ServiceTask_AssignCoach",
            "BusinessRuleTask_CaseloadCap", "ServiceTask_RecordCoachAssignment")
        .hasCompletedElement("ServiceTask_CheckConsent", 2)
        .hasCompletedElement("EndEvent_SourceMayBeUsed", 2)
        .hasVariable("permittedDataSources", List.of("gp-records", "hospital-records"))
        .hasVariable("mayTakeCase", true)
        .hasVariable("caseworkerId", "cw-1")
        .hasActiveElements("UserTask_FirstConversation")
        .hasNotActivatedElements("UserTask_AskForConsent", "ServiceTask_ExplainConsentRefusal",
            "ServiceTask_PlaceOnWaitingList", "UserTask_FollowUpFirstContact");
    assertThat(byElementId("UserTask_FirstConversation")).isCreated().hasAssignee("cw-1");

    processTestContext.completeUserTask(byElementId("UserTask_FirstConversation"),
        Map.of("conversationHeldAt", "2026-12-03T10:00:00Z", "conversationSummary", "Wants to try a few hours",
            "agreedNextStep", "Look at short-hours jobs together"));

    assertThat(intake()).isActive().hasCompletedElements("UserTask_FirstConversation")
        .hasActiveElements("CallActivity_ClarificationGuarantee");
    assertThat(ProcessInstanceSelectors.byProcessId("clarification-guarantee")).isActive()
        .hasActiveElements("UserTask_AssessWorkCapacity")
        .hasVariables(Map.of("caseId", "case-1", "citizenId", "citizen-1", "clarificationDeadline", "P12M"));
    Assertions.assertThat(clarificationVariableNames()).doesNotContain("dataSources", "consentOutcomes",
        "permittedDataSources", "candidate", "needs");
  }

  private List<String> clarificationVariableNames() {
    long key = client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId("clarification-guarantee"))
        .send().join().items().getFirst().getProcessInstanceKey();
    return client.newVariableSearchRequest().filter(f -> f.processInstanceKey(key)).send().join().items().stream()
        .map(v -> v.getName()).toList();
  }

  @Test
  void aMissingConsentIsAskedForAndOnceGivenTheSourceMayBeUsed() {
    coachPlaceIsTaken();
    consentStatuses.put("hospital-records", "missing");

    refer(List.of("HEALTH"), List.of("gp-records", "hospital-records"));

    assertThat(intake()).isActive().hasActiveElements("UserTask_AskForConsent")
        .hasNotActivatedElements("BusinessRuleTask_TriageTrack");
    assertThat(byElementId("UserTask_AskForConsent")).isCreated().hasCandidateGroup("caseworkers");

    processTestContext.completeUserTask(byElementId("UserTask_AskForConsent"), Map.of("consentStatus", "given"));

    assertThat(intake()).isActive().hasCompletedElement("EndEvent_SourceMayBeUsed", 2)
        .hasVariable("permittedDataSources", List.of("gp-records", "hospital-records"))
        .hasActiveElements("UserTask_FirstConversation");
  }

  @Test
  void anExpiredConsentNotRenewedByTheDeadlineCountsAsNotGivenAndTheIntakeGoesOnWithoutThatSource() {
    coachPlaceIsTaken();
    consentStatuses.put("hospital-records", "expired");
    refer(List.of("HEALTH"), List.of("gp-records", "hospital-records"));
    assertThat(intake()).hasActiveElements("UserTask_AskForConsent");

    processTestContext.increaseTime(CONSENT_REQUEST_DEADLINE.minusHours(1));
    assertThat(intake()).hasActiveElements("UserTask_AskForConsent")
        .hasNotActivatedElements("BusinessRuleTask_TriageTrack");

    processTestContext.increaseTime(Duration.ofHours(2));
    assertThat(intake()).isActive().hasTerminatedElements("UserTask_AskForConsent")
        .hasCompletedElements("BoundaryEvent_ConsentRequestDeadline", "EndEvent_ConsentNotGiven")
        .hasVariable("permittedDataSources", List.of("gp-records"))
        .hasNotActivatedElements("ServiceTask_ExplainConsentRefusal")
        .hasActiveElements("UserTask_FirstConversation");
  }

  @Test
  void aRefusedConsentIsExplainedWithoutSanctionAndSupportGoesOnWithoutThatSource() {
    coachPlaceIsTaken();
    consentStatuses.put("hospital-records", "refused");

    refer(List.of("HEALTH"), List.of("gp-records", "hospital-records"));

    assertThat(intake()).isActive()
        .hasCompletedElements("ServiceTask_ExplainConsentRefusal", "EndEvent_SupportWithoutSource",
            "BusinessRuleTask_TriageTrack", "ServiceTask_OpenCase")
        .hasVariable("permittedDataSources", List.of("gp-records"))
        .hasVariable("track", "interdisciplinary-unit")
        .hasNotActivatedElements("UserTask_AskForConsent")
        .hasActiveElements("UserTask_FirstConversation");
  }

  @Test
  void aConsentRefusedWhenAskedIsExplainedAndThatSourceIsNotUsed() {
    coachPlaceIsTaken();
    consentStatuses.put("gp-records", "missing");
    refer(List.of(), List.of("gp-records"));

    processTestContext.completeUserTask(byElementId("UserTask_AskForConsent"),
        Map.of("consentStatus", "refused", "consentNote", "Prefers to tell the coach herself"));

    assertThat(intake()).isActive().hasCompletedElements("ServiceTask_ExplainConsentRefusal")
        .hasVariable("permittedDataSources", List.of())
        .hasActiveElements("UserTask_FirstConversation");
  }

  @Test
  void nothingInTheIntakeSanctionsTheCitizen() throws IOException {
    BpmnModelInstance model;
    try (InputStream in = Files.newInputStream(ProcessResources.folder().resolve("referral-intake.bpmn"))) {
      model = Bpmn.readModelFromStream(in);
    }

    List<String> sanctioning = Stream.concat(
            model.getModelElementsByType(FlowNode.class).stream()
                .flatMap(n -> Stream.of(n.getId(), String.valueOf(n.getName()))),
            model.getModelElementsByType(ZeebeTaskDefinition.class).stream().map(ZeebeTaskDefinition::getType))
        .filter(text -> text.toLowerCase().matches(".*(sanction|penalt|suspend|stop benefit|reduce benefit).*"))
        .toList();

    Assertions.assertThat(sanctioning).isEmpty();
  }

  @Test
  void withoutRequestedDataSourcesNoConsentIsCheckedAndNoSourceIsUsed() {
    coachPlaceIsTaken();

    refer(List.of(), null);

    assertThat(intake()).isActive().hasCompletedElements("SubProcess_ConsentGate")
        .hasNotActivatedElements("ServiceTask_CheckConsent")
        .hasVariable("permittedDataSources", List.of())
        .hasActiveElements("UserTask_FirstConversation");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''            | job-directed",
      "HEALTH        | interdisciplinary-unit",
      "HOUSING, DEBT | interdisciplinary-unit"})
  void triageWithTheRealDecisionChoosesTheTrackAndTheCaseIsOpenedOnIt(String needs, String track) {
    coachPlaceIsTaken();

    refer(needs.isBlank() ? List.of() : List.of(needs.split(",\\s*")), List.of());

    assertThat(intake()).isActive().hasVariable("track", track).hasCompletedElements("ServiceTask_OpenCase");
    assertThat(DecisionSelectors.byId("triage-track")).isEvaluated().hasOutput(track);
  }

  @ParameterizedTest(name = "{0}, social-work qualified {1}, {2} of {3} cases: may take it {4}")
  @CsvSource({
      "interdisciplinary-unit, true,  19, 20, true",
      "interdisciplinary-unit, false,  5, 20, false",
      "interdisciplinary-unit, true,  20, 20, false",
      "interdisciplinary-unit, true,  21, 20, false",
      "job-directed,           false,  5, 30, true",
      "job-directed,           false, 30, 30, false"})
  void caseloadCapLetsACaseworkerTakeTheCaseOnlyUnderTheCapAndWithTheQualificationTheTrackNeeds(String track, boolean socialWorkQualified, int activeCases, int cap, boolean mayTakeCase) {
    EvaluateDecisionResponse response = client.newEvaluateDecisionCommand().decisionId("caseload-cap")
        .variables(Map.of("track", track, "socialWorkQualified", socialWorkQualified, "activeCases", activeCases,
            "cap", cap))
        .send().join();

    Assertions.assertThat(response.getDecisionOutput()).isEqualTo(String.valueOf(mayTakeCase));
  }

  @Test
  void aProposedCoachWithoutSocialWorkQualificationMayNotTakeAnInterdisciplinaryCase() {
    proposedCoach.set(Map.of("caseworkerId", "cw-3", "activeCases", 0, "cap", 20, "socialWorkQualified", false));

    refer(List.of("HEALTH"), List.of());

    assertThat(intake()).isActive().hasVariable("mayTakeCase", false)
        .hasCompletedElements("ServiceTask_PlaceOnWaitingList")
        .hasNotActivatedElements("ServiceTask_RecordCoachAssignment", "UserTask_FirstConversation");
  }

  @Test
  void withNoCoachWithRoomTheCaseWaitsAManagerIsAskedAfterTheEscalationTimeAndCoachAvailableResumesAssignment() {
    coachPlaceIsTaken();
    proposedCoach.set(COACH_AT_CAP);

    refer(List.of("HEALTH"), List.of());

    assertThat(intake()).isActive().hasVariable("mayTakeCase", false)
        .hasCompletedElements("ServiceTask_PlaceOnWaitingList")
        .hasActiveElements("ReceiveTask_WaitForCoach")
        .isWaitingForMessage("coach-available", "case-1")
        .hasNotActivatedElements("ServiceTask_RecordCoachAssignment", "UserTask_FollowUpWaitingList");

    processTestContext.increaseTime(WAITING_LIST_ESCALATION.minusHours(1));
    assertThat(intake()).hasNotActivatedElements("UserTask_FollowUpWaitingList");
    processTestContext.increaseTime(Duration.ofHours(2));
    assertThat(byElementId("UserTask_FollowUpWaitingList")).isCreated().hasCandidateGroup("managers");
    assertThat(intake()).hasActiveElements("ReceiveTask_WaitForCoach", "UserTask_FollowUpWaitingList");

    proposedCoach.set(COACH_WITH_ROOM);
    client.newPublishMessageCommand().messageName("coach-available").correlationKey("case-1").send().join();

    assertThat(intake()).isActive().hasCorrelatedMessage("coach-available", "case-1")
        .hasCompletedElement("ServiceTask_AssignCoach", 2)
        .hasCompletedElement("ServiceTask_PlaceOnWaitingList", 1)
        .hasVariable("caseworkerId", "cw-1")
        .hasActiveElements("UserTask_FirstConversation", "UserTask_FollowUpWaitingList");
  }

  @Test
  void aPlaceTakenByAnotherCaseMeanwhileSendsTheIntakeToFindTheNextCoach() {
    AtomicInteger attempts = new AtomicInteger();
    processTestContext.mockJobWorker("record-coach-assignment").withHandler((jobs, job) -> jobs
        .newCompleteCommand(job).variables(Map.of("placeTaken", attempts.incrementAndGet() > 1)).send().join());

    refer(List.of(), List.of());

    assertThat(intake()).isActive().hasCompletedElement("ServiceTask_AssignCoach", 2)
        .hasCompletedElement("ServiceTask_RecordCoachAssignment", 2)
        .hasVariable("caseworkerId", "cw-1")
        .hasActiveElements("UserTask_FirstConversation");
  }

  @Test
  void whenTheTakenPlaceIsGoneAndNobodyElseIsProposedTheCaseWaitsInsteadOfReusingTheEarlierProposal() {
    processTestContext.mockJobWorker("record-coach-assignment").withHandler((jobs, job) -> {
      proposedCoach.set(null);
      jobs.newCompleteCommand(job).variables(Map.of("placeTaken", false)).send().join();
    });

    refer(List.of(), List.of());

    assertThat(intake()).isActive().hasCompletedElement("ServiceTask_AssignCoach", 2)
        .hasCompletedElement("ServiceTask_RecordCoachAssignment", 1)
        .hasCompletedElements("ServiceTask_PlaceOnWaitingList")
        .hasVariable("candidate", null)
        .hasVariable("mayTakeCase", false)
        .hasActiveElements("ReceiveTask_WaitForCoach")
        .hasNotActivatedElements("UserTask_FirstConversation");
  }

  @Test
  void aMissedFirstContactDeadlineBringsInTheManagerAndTheConversationStaysOpen() {
    coachPlaceIsTaken();
    refer(List.of(), List.of());
    assertThat(intake()).hasActiveElements("UserTask_FirstConversation");

    processTestContext.increaseTime(FIRST_CONTACT_DEADLINE.minusHours(1));
    assertThat(intake()).hasNotActivatedElements("UserTask_FollowUpFirstContact");
    processTestContext.increaseTime(Duration.ofHours(2));

    assertThat(intake()).isActive().hasCompletedElements("BoundaryEvent_FirstContactDeadline")
        .hasActiveElements("UserTask_FirstConversation", "UserTask_FollowUpFirstContact");
    assertThat(byElementId("UserTask_FollowUpFirstContact")).isCreated().hasCandidateGroup("managers");
    assertThat(byElementId("UserTask_FirstConversation")).isCreated().hasAssignee("cw-1");
  }
}
