package io.caseway.app;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Cases as the journeys after the intake get them: a real referral over HTTP, through the intake
 * (real workers) to a coach and the first conversation, after which the clarification guarantee runs.
 */
public final class JourneyCases {
  /** A case in the clarification guarantee: its id, its coach and its citizen. */
  public record CaseInJourney(UUID caseId, UUID caseworkerId, UUID citizenId) {}

  private JourneyCases() {}

  /** A referral body as a GP practice sends it, with the citizen's consent to the practice's records. */
  public static Map<String, Object> referral(UUID partner, String person, List<String> needs) {
    return Map.of(
        "partnerOrganisationId", partner,
        "citizen", Map.of("personIdentifier", person, "fullName", "Mette Hansen", "preferredLanguage", "da",
            "contactChannel", "PHONE", "contactDetail", "+45 1234 5678", "communityLocation", "Nørrebro library",
            "vulnerabilityFlags", List.of("anxiety-in-groups")),
        "referrer", Map.of("name", "Dr. Jensen", "role", "GP"),
        "reason", "Long-term sick leave with back pain; wants to try a few hours of work",
        "needs", needs,
        "consents", List.of(Map.of("dataCategory", "GP_RECORDS", "source", "Nørrebro GP practice",
            "purpose", "Work-capacity assessment in the clarification")));
  }

  /**
   * A job-directed case with one coach, its benefit started on {@code benefitStart}, whose first
   * conversation is held, so that its clarification guarantee has started.
   */
  public static CaseInJourney inClarification(IntegrationTestSupport support,
      CamundaProcessTestContext processTestContext, UUID partner, LocalDate benefitStart) {
    TestRestTemplate manager = support.as(support.manager());
    ResponseEntity<JsonNode> coach = manager.postForEntity("/api/caseworkers", Map.of("name", "Anna",
        "email", "anna@caseway.test", "socialWorkQualified", true, "district", "Nørrebro", "region", "Hovedstaden",
        "caps", Map.of("JOB_DIRECTED", 30, "INTERDISCIPLINARY_UNIT", 20)), JsonNode.class);
    assertThat(coach.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> body = new HashMap<>(referral(partner, "0606901234", List.of()));
    body.put("benefit", Map.of("benefitType", "cash-benefit", "startDate", benefitStart.toString()));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", "journey-case");
    // the referring partner's own API client
    String partnerClient = support.user("partner-" + partner, io.caseway.app.security.Role.HEALTH_PARTNER, null, partner,
        null);
    ResponseEntity<JsonNode> referred = support.as(partnerClient).exchange("/api/referrals", HttpMethod.POST,
        new HttpEntity<>(body, headers), JsonNode.class);
    assertThat(referred.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    UUID citizen = UUID.fromString(referred.getBody().get("citizenId").asText());

    assertThat(ProcessInstanceSelectors.byProcessId("referral-intake")).hasActiveElements("UserTask_FirstConversation");
    processTestContext.completeUserTask(UserTaskSelectors.byElementId("UserTask_FirstConversation"),
        Map.of("conversationHeldAt", LocalDate.now(ZoneOffset.UTC).toString(), "conversationSummary",
            "Met at the library", "agreedNextStep", "Assess work capacity"));
    assertThat(ProcessInstanceSelectors.byProcessId("clarification-guarantee")).isActive();
    ResponseEntity<JsonNode> cases = manager.getForEntity("/api/cases?citizenId=" + citizen, JsonNode.class);
    assertThat(cases.getStatusCode()).as("%s", cases.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode theCase = cases.getBody().get("items").get(0);
    return new CaseInJourney(UUID.fromString(theCase.get("caseId").asText()),
        UUID.fromString(coach.getBody().get("caseworkerId").asText()), citizen);
  }

  /** The notices of a kind, oldest first, as the coach's or the managers' list shows them. */
  public static List<JsonNode> notices(TestRestTemplate http, String path, String kind) {
    JsonNode all = http.getForObject(path, JsonNode.class);
    List<JsonNode> found = new java.util.ArrayList<>();
    all.forEach(n -> {
      if (n.get("kind").asText().equals(kind)) {
        found.add(0, n);
      }
    });
    return found;
  }
}
