package io.caseway.app.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.caseway.app.IntegrationTestSupport;
import io.caseway.app.citizen.ContactChannel;
import io.caseway.app.caseload.Assignments;
import io.caseway.app.referral.ReferralRequest;
import io.caseway.app.referral.Referrals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import org.springframework.http.ResponseEntity;

/**
 * The case file beyond intake, over HTTP: self-assessment before the roundtable, minutes then the
 * authority's decision, a plan in force, a flex job followed up at 13 weeks, journal notes, and the
 * outcome figures that follow from them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamundaSpringProcessTest
class CaseRecordsIntegrationTest {
  TestRestTemplate http;
  @Autowired IntegrationTestSupport support;
  @Autowired Referrals referrals;
  @Autowired CaseFiles cases;
  @Autowired Assignments assignments;
  @Autowired io.caseway.app.consent.Consents consents;
  UUID caseId;

  @BeforeEach
  void assignedCase() {
    support.emptyCaseFile(); // no journey: this test opens and assigns the case itself
    UUID partner = support.gpPractice();
    support.as(support.manager()).postForObject("/api/caseworkers", Map.of("name", "Anna", "email", "anna@x.dk", "socialWorkQualified", true,
        "district", "Vesterbro", "region", "Hovedstaden"), JsonNode.class);
    var submitted = referrals.submit("k", new ReferralRequest(partner,
        new ReferralRequest.CitizenDetails("0707901234", "Mette", "da", ContactChannel.PHONE, null, null, null),
        new ReferralRequest.Referrer("Dr. Jensen", "GP"), "Back pain", List.of(),
        List.of(new ReferralRequest.ConsentGiven(io.caseway.app.consent.DataCategory.GP_RECORDS, "Vesterbro GP",
            "Work-capacity assessment", null)), List.of(), null));
    caseId = UUID.fromString(cases.openCase(submitted.referral().referralId().toString(), "job-directed"));
    var anna = assignments.propose(caseId.toString(), "job-directed").orElseThrow();
    assertThat(assignments.take(caseId.toString(), anna.caseworkerId())).isTrue();
    http = support.as(support.coach(UUID.fromString(anna.caseworkerId()), true)); // Anna, the case's caseworker
  }

  private ResponseEntity<JsonNode> send(HttpMethod method, String path, String ifMatch, Object body) {
    HttpHeaders headers = new HttpHeaders();
    if (ifMatch != null) {
      headers.setIfMatch(ifMatch);
    }
    return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  @Test
  void theRoundtablesHealthInformationIsNotRecordedOnceTheCitizenWithdrewTheirHealthConsent() {
    assertThat(send(HttpMethod.POST, "/api/cases/" + caseId + "/self-assessments", null, Map.of(
        "workCapacityRating", 4, "limitations", "Cannot lift")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<JsonNode> planned = send(HttpMethod.POST, "/api/cases/" + caseId + "/meetings", null, Map.of(
        "scheduledAt", Instant.now().plus(7, ChronoUnit.DAYS).toString(), "place", "Vesterbro library",
        "participants", List.of(Map.of("role", "CITIZEN", "name", "Mette"), Map.of("role", "DOCTOR", "name", "Dr. J"))));
    consents.ofCitizen(cases.get(caseId).citizenId()).forEach(c -> consents.withdraw(c.id()));

    ResponseEntity<JsonNode> refused = send(HttpMethod.PUT, "/api/meetings/" + planned.getBody().get("meetingId").asText()
        + "/minutes", planned.getHeaders().getETag(), Map.of("minutes", "Her back is worse", "recommendation", "FLEX_JOB"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getBody().get("detail").asText()).contains("consent to health data");
    assertThat(send(HttpMethod.GET, "/api/cases/" + caseId + "/meetings", null, null).getBody().get(0).get("minutes")
        .isNull()).isTrue();
  }

  @Test
  void theRoundtableComesAfterTheCitizensOwnAssessmentAndTheAuthorityDecidesAfterTheTeam() {
    Map<String, Object> meeting = Map.of("scheduledAt", Instant.now().plus(7, ChronoUnit.DAYS).toString(),
        "place", "Vesterbro library", "companionName", "Her sister",
        "participants", List.of(Map.of("role", "CITIZEN", "name", "Mette"), Map.of("role", "CASEWORKER", "name", "Anna"),
            Map.of("role", "HEALTH_COORDINATOR", "name", "Hanne")));
    ResponseEntity<JsonNode> tooEarly = send(HttpMethod.POST, "/api/cases/" + caseId + "/meetings", null, meeting);
    assertThat(tooEarly.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(tooEarly.getBody().get("detail").asText()).contains("self-assessment");

    assertThat(send(HttpMethod.POST, "/api/cases/" + caseId + "/self-assessments", null, Map.of(
        "workCapacityRating", 4, "hoursPerWeekPossible", 6, "limitations", "Cannot lift; tired after two hours",
        "wishes", "Something with animals")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> noDoctor = new java.util.HashMap<>(meeting);
    noDoctor.put("participants", List.of(Map.of("role", "CITIZEN", "name", "Mette")));
    assertThat(send(HttpMethod.POST, "/api/cases/" + caseId + "/meetings", null, noDoctor).getBody()
        .get("errors").findValuesAsText("message").get(0)).contains("doctor or a health coordinator");

    ResponseEntity<JsonNode> planned = send(HttpMethod.POST, "/api/cases/" + caseId + "/meetings", null, meeting);
    assertThat(planned.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String meetingPath = "/api/meetings/" + planned.getBody().get("meetingId").asText();
    ResponseEntity<JsonNode> decidedTooEarly = send(HttpMethod.PUT, meetingPath + "/decision",
        planned.getHeaders().getETag(), Map.of("decision", "FLEX_JOB", "decidedBy", "Authority"));
    assertThat(decidedTooEarly.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    ResponseEntity<JsonNode> held = send(HttpMethod.PUT, meetingPath + "/minutes", planned.getHeaders().getETag(),
        Map.of("minutes", "Mette's own assessment was read first.", "recommendation", "DEVELOPMENT_FLEX_JOB"));
    assertThat(held.getBody().get("status").asText()).isEqualTo("HELD");
    ResponseEntity<JsonNode> decided = send(HttpMethod.PUT, meetingPath + "/decision", held.getHeaders().getETag(),
        Map.of("decision", "DEVELOPMENT_FLEX_JOB", "decidedBy", "Jobcentre Vesterbro"));
    assertThat(decided.getBody().get("status").asText()).isEqualTo("DECIDED");
    assertThat(decided.getBody().get("decision").asText()).isEqualTo("DEVELOPMENT_FLEX_JOB");
  }

  @Test
  void aPlanInForceIsReplacedByTheNextOne() {
    Map<String, Object> plan = Map.of("type", "DEVELOPMENT_FLEX_JOB", "items", List.of(
        Map.of("kind", "GOAL", "description", "Work 6 hours a week with animals"),
        Map.of("kind", "STEP", "description", "Visit the stable", "dueDate", "2027-02-01")));
    ResponseEntity<JsonNode> first = send(HttpMethod.POST, "/api/cases/" + caseId + "/plans", null, plan);
    send(HttpMethod.POST, "/api/plans/" + first.getBody().get("planId").asText() + "/activation",
        first.getHeaders().getETag(), null);
    ResponseEntity<JsonNode> second = send(HttpMethod.POST, "/api/cases/" + caseId + "/plans", null, plan);
    ResponseEntity<JsonNode> active = send(HttpMethod.POST, "/api/plans/" + second.getBody().get("planId").asText()
        + "/activation", second.getHeaders().getETag(), null);

    assertThat(active.getBody().get("status").asText()).isEqualTo("ACTIVE");
    JsonNode plans = http.getForObject("/api/cases/" + caseId + "/plans", JsonNode.class);
    assertThat(plans.findValuesAsText("status")).containsExactlyInAnyOrder("ACTIVE", "REPLACED");
    assertThat(send(HttpMethod.POST, "/api/cases/" + caseId + "/plans", null, Map.of("type", "FLEX_JOB", "items",
        List.of(Map.of("kind", "STEP", "description", "Only a step")))).getBody().get("errors")
        .findValuesAsText("field")).containsExactly("items");
  }

  @Test
  void aFlexJobCountsAsWorkAndItsSustained13WeekCheckAsAnOutcome() {
    JsonNode employer = http.postForObject("/api/employers", Map.of("name", "Stald Nord", "district", "Vesterbro"),
        JsonNode.class);
    JsonNode vacancy = http.postForObject("/api/employers/" + employer.get("employerId").asText() + "/vacancies",
        Map.of("title", "Stable help", "hoursPerWeek", 4, "flexJobPossible", true), JsonNode.class);
    assertThat(http.getForObject("/api/vacancies/flex-jobs", JsonNode.class)).hasSize(1);
    LocalDate started = LocalDate.now().minusWeeks(14);

    ResponseEntity<JsonNode> placement = send(HttpMethod.POST, "/api/cases/" + caseId + "/placements", null, Map.of(
        "employerId", employer.get("employerId").asText(), "vacancyId", vacancy.get("vacancyId").asText(),
        "kind", "FLEX_JOB", "hoursPerWeek", 4, "startedOn", started.toString()));
    assertThat(placement.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(http.getForObject("/api/vacancies/flex-jobs", JsonNode.class)).isEmpty();
    String path = "/api/placements/" + placement.getBody().get("placementId").asText();
    assertThat(send(HttpMethod.POST, path + "/checks", placement.getHeaders().getETag(),
        Map.of("weeks", 26, "sustained", true)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    ResponseEntity<JsonNode> checked = send(HttpMethod.POST, path + "/checks", placement.getHeaders().getETag(),
        Map.of("weeks", 13, "sustained", true));
    assertThat(checked.getBody().get("sustained13Weeks").asBoolean()).isTrue();

    JsonNode outcomes = support.as(support.manager()).getForObject("/api/outcomes?from=" + started.minusDays(1) + "&to="
        + LocalDate.now().plusDays(1), JsonNode.class);
    assertThat(outcomes.findValuesAsText("kind")).containsExactly("INTO_WORK", "SUSTAINED_13_WEEKS");
    assertThat(outcomes.findValuesAsText("district")).containsOnly("Vesterbro");
  }

  @Test
  void journalNotesKeepTheirConfidentialFlagNewestFirst() {
    send(HttpMethod.POST, "/api/cases/" + caseId + "/journal-notes", null,
        Map.of("author", "Anna", "body", "First call went well", "confidential", false));
    send(HttpMethod.POST, "/api/cases/" + caseId + "/journal-notes", null,
        Map.of("author", "Anna", "body", "Told me about her diagnosis", "confidential", true));

    JsonNode notes = http.getForObject("/api/cases/" + caseId + "/journal-notes", JsonNode.class);
    assertThat(notes.findValuesAsText("body")).containsExactly("Told me about her diagnosis", "First call went well");
    assertThat(notes.get(0).get("confidential").asBoolean()).isTrue();
    assertThat(send(HttpMethod.POST, "/api/cases/" + UUID.randomUUID() + "/journal-notes", null,
        Map.of("author", "Anna", "body", "x")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theApiIsDescribedAsOpenApi() {
    JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);
    assertThat(api.get("paths").has("/api/referrals")).isTrue();
    assertThat(api.get("paths").has("/api/cases/{caseId}/meetings")).isTrue();
  }
}
