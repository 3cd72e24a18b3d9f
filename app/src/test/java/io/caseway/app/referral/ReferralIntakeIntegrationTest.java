package io.caseway.app.referral;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.caseway.app.IntegrationTestSupport;
import io.caseway.app.JourneyCases;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A health partner's referral over HTTP starts referral-intake on the engine (the real workers,
 * the real decisions, PostgreSQL): its consent gate, a case assigned to an eligible coach, the first
 * conversation, and the clarification guarantee counting from the benefit start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamundaSpringProcessTest
class ReferralIntakeIntegrationTest {
  @Autowired TestRestTemplate http;
  @Autowired io.camunda.client.CamundaClient camunda;
  @Autowired io.camunda.process.test.api.CamundaProcessTestContext processTestContext;
  @Autowired IntegrationTestSupport support;
  UUID partner;

  @BeforeEach
  void setUp() {
    support.reset();
    partner = support.gpPractice();
  }

  private ResponseEntity<JsonNode> refer(String key, Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (key != null) {
      headers.set("Idempotency-Key", key);
    }
    return support.as(IntegrationTestSupport.GP).exchange("/api/referrals", HttpMethod.POST,
        new HttpEntity<>(body, headers), JsonNode.class);
  }

  static Map<String, Object> referral(UUID partner, String person, List<String> needs) {
    return JourneyCases.referral(partner, person, needs);
  }

  private UUID caseworker(String email, boolean socialWork, int interdisciplinaryCap) {
    ResponseEntity<JsonNode> created = support.as(support.manager()).postForEntity("/api/caseworkers", Map.of("name", email, "email", email,
        "socialWorkQualified", socialWork, "district", "Nørrebro", "region", "Hovedstaden",
        "caps", Map.of("INTERDISCIPLINARY_UNIT", interdisciplinaryCap, "JOB_DIRECTED", 30)), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return UUID.fromString(created.getBody().get("caseworkerId").asText());
  }

  @Test
  void aHealthReferralPassesTheConsentGateReachesAQualifiedCoachAndStartsTheClarificationClockFromTheBenefitStart() {
    caseworker("no-education@caseway.test", false, 20);
    UUID qualified = caseworker("social-worker@caseway.test", true, 20);
    LocalDate benefitStart = LocalDate.now(ZoneOffset.UTC).minusMonths(4);
    Map<String, Object> body = new HashMap<>(referral(partner, "0101901234", List.of("HEALTH", "DEBT")));
    body.put("dataSources", List.of("Nørrebro GP practice", "Rigshospitalet"));
    body.put("benefit", Map.of("benefitType", "cash-benefit", "startDate", benefitStart.toString()));

    ResponseEntity<JsonNode> response = refer("key-1", body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(response.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
    String referralId = response.getBody().get("referralId").asText();
    UUID citizen = UUID.fromString(response.getBody().get("citizenId").asText());
    var intake = ProcessInstanceSelectors.byProcessId("referral-intake");
    // the GP consent came with the referral; the hospital has none, so the citizen is asked, and says no
    assertThat(intake).hasActiveElements("UserTask_AskForConsent");
    processTestContext.completeUserTask(UserTaskSelectors.byElementId("UserTask_AskForConsent"),
        Map.of("consentStatus", "refused"));

    assertThat(intake)
        .hasActiveElements("UserTask_FirstConversation")
        .hasVariable("track", "interdisciplinary-unit")
        .hasVariable("caseworkerId", qualified.toString())
        .hasVariable("permittedDataSources", List.of("Nørrebro GP practice"));
    assertThat(UserTaskSelectors.byElementId("UserTask_FirstConversation")).hasAssignee(qualified.toString());
    JsonNode export = support.as(support.citizen(citizen)).getForObject("/api/citizens/" + citizen + "/export",
        JsonNode.class);
    JsonNode theCase = export.get("cases").get(0);
    assertThat(theCase.get("referralId").asText()).isEqualTo(referralId);
    assertThat(theCase.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(theCase.get("track").asText()).isEqualTo("INTERDISCIPLINARY_UNIT");
    assertThat(theCase.get("caseworkerId").asText()).isEqualTo(qualified.toString());
    assertThat(theCase.get("benefitStartDate").asText()).isEqualTo(benefitStart.toString());
    assertThat(theCase.get("clarificationDeadline").asText()).isEqualTo(benefitStart.plusMonths(12).toString());
    assertThat(export.get("consents").get(0).get("caseId").asText()).isEqualTo(theCase.get("caseId").asText());
    assertThat(export.get("referrals").get(0).get("acknowledgedAt").isNull()).isFalse();
    assertThat(export.get("consentRefusalNotices").get(0).get("dataSource").asText()).isEqualTo("Rigshospitalet");
    assertThat(export.get("consentRefusalNotices").get(0).get("text").asText())
        .contains("Your benefit is not affected").doesNotContainIgnoringCase("sanction");
    JsonNode load = support.as(support.manager()).getForObject("/api/caseworkers/" + qualified, JsonNode.class)
        .get("caseload");
    assertThat(load.findValues("activeCount").stream().mapToInt(JsonNode::asInt).sum()).isEqualTo(1);

    processTestContext.completeUserTask(UserTaskSelectors.byElementId("UserTask_FirstConversation"),
        Map.of("conversationHeldAt", LocalDate.now(ZoneOffset.UTC).toString(), "conversationSummary", "Met at the library",
            "agreedNextStep", "Roundtable with the GP"));
    assertThat(ProcessInstanceSelectors.byProcessId("clarification-guarantee"))
        .isActive()
        .hasVariable("benefitStartDate", benefitStart.toString())
        .hasVariable("clarificationDeadline", "P12M");
  }

  @Test
  void aRepeatedRequestReturnsTheFirstReferralAndStartsOneIntake() {
    caseworker("coach@caseway.test", true, 20);
    Map<String, Object> body = referral(partner, "0202901234", List.of());

    ResponseEntity<JsonNode> first = refer("same-key", body);
    ResponseEntity<JsonNode> again = refer("same-key", body);

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.getBody().get("referralId")).isEqualTo(first.getBody().get("referralId"));
    assertThat(ProcessInstanceSelectors.byProcessId("referral-intake")).hasActiveElements("UserTask_FirstConversation");
    assertThat(camunda.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId("referral-intake"))
        .send().join().items()).hasSize(1);
    assertThat(support.count("referral")).isEqualTo(1);
    assertThat(support.count("case_file")).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherReferralIsRefusedAndStoresNothing() {
    refer("key-2", referral(partner, "0303901234", List.of()));

    ResponseEntity<JsonNode> reused = refer("key-2", referral(partner, "0404901234", List.of()));

    assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(reused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(reused.getBody().get("detail").asText()).contains("key-2").contains("different referral");
    assertThat(support.count("referral")).isEqualTo(1);
    assertThat(support.count("citizen")).isEqualTo(1);
  }

  @Test
  void invalidFieldsAreNamedAndNothingIsStored() {
    Map<String, Object> body = new java.util.HashMap<>(referral(partner, "bad id!", List.of("HEALTH")));
    body.put("reason", " ");

    ResponseEntity<JsonNode> refused = refer("key-3", body);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("errors").findValuesAsText("field"))
        .containsExactly("citizen.personIdentifier", "reason");
    assertThat(refer(null, referral(partner, "0505901234", List.of())).getBody().get("detail").asText())
        .contains("Idempotency-Key");
    // a partner client refers for its own organisation only
    Map<String, Object> otherPartner = new java.util.HashMap<>(referral(UUID.randomUUID(), "0505901234", List.of()));
    ResponseEntity<JsonNode> forOther = refer("key-4", otherPartner);
    assertThat(forOther.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(forOther.getBody().get("detail").asText()).contains("your own organisation");
    assertThat(support.count("referral") + support.count("citizen") + support.count("consent")).isZero();
  }
}
