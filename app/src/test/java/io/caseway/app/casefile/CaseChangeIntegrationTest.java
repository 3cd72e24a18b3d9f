package io.caseway.app.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseway.app.policy.Policy;
import io.caseway.app.referral.PartnerOrganisation;
import io.caseway.app.referral.PartnerOrganisationRepository;
import io.caseway.app.referral.ReferralRequest;
import io.caseway.app.referral.Referrals;
import io.caseway.app.citizen.ContactChannel;
import java.time.Instant;
import java.time.LocalDate;
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
import org.springframework.jdbc.core.JdbcTemplate;
import io.camunda.process.test.api.CamundaSpringProcessTest;

/**
 * Changing a case over HTTP: the clarification deadline follows the benefit start date and the
 * rule set; a change based on a stale read is refused with 409 and writes nothing; a closed case
 * refuses further changes. (The case is opened directly; no journey is deployed.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamundaSpringProcessTest
class CaseChangeIntegrationTest {
  @Autowired io.caseway.app.IntegrationTestSupport support;
  TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired Referrals referrals;
  @Autowired CaseFiles cases;
  @Autowired PartnerOrganisationRepository partners;
  @Autowired Policy policy;
  UUID caseId;

  @BeforeEach
  void openCase() {
    jdbc.execute(io.caseway.app.IntegrationTestSupport.EMPTY_CASE_FILE);
    UUID partner = partners.save(new PartnerOrganisation("Clinic", PartnerOrganisation.Kind.ADDICTION_CLINIC,
        Instant.now())).id();
    var submitted = referrals.submit("k", new ReferralRequest(partner,
        new ReferralRequest.CitizenDetails("0606901234", "Ole Berg", null, ContactChannel.LETTER, null, null, null),
        new ReferralRequest.Referrer("Nurse Ida", null), "Alcohol treatment finished", List.of(), List.of(), List.of(),
        null));
    caseId = UUID.fromString(cases.openCase(submitted.referral().referralId().toString(), "job-directed"));
    http = support.as(support.manager()); // nobody is the case's caseworker yet: it is the managers' to look after
  }

  private ResponseEntity<JsonNode> put(String path, String ifMatch, Object body) {
    HttpHeaders headers = new HttpHeaders();
    if (ifMatch != null) {
      headers.setIfMatch(ifMatch);
    }
    return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), JsonNode.class);
  }

  @Test
  void theClarificationDeadlineRunsFromTheBenefitStartUnderTheCasesRuleSet() {
    ResponseEntity<JsonNode> read = http.getForEntity("/api/cases/" + caseId, JsonNode.class);
    assertThat(read.getBody().get("ruleSet").asText()).isEqualTo("DK-2026");

    ResponseEntity<JsonNode> changed = put("/api/cases/" + caseId + "/benefit", read.getHeaders().getETag(),
        Map.of("benefitType", "CASH_BENEFIT", "startDate", "2026-03-15"));

    assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
    LocalDate expected = LocalDate.parse("2026-03-15")
        .plus(policy.period("DK-2026", "clarification.max-duration", LocalDate.parse("2026-03-15")));
    assertThat(changed.getBody().get("clarificationDeadline").asText()).isEqualTo(expected.toString())
        .isEqualTo("2027-03-15");
  }

  @Test
  void aChangeBasedOnAStaleReadIsRefusedAndWritesNothing() {
    String etag = http.getForEntity("/api/cases/" + caseId, JsonNode.class).getHeaders().getETag();
    assertThat(put("/api/cases/" + caseId + "/benefit", etag,
        Map.of("benefitType", "CASH_BENEFIT", "startDate", "2026-01-10")).getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<JsonNode> stale = put("/api/cases/" + caseId + "/benefit", etag,
        Map.of("benefitType", "SICKNESS_BENEFIT", "startDate", "2026-02-01"));

    assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(stale.getBody().get("detail").asText()).contains("changed this record since you read it");
    JsonNode now = http.getForObject("/api/cases/" + caseId, JsonNode.class);
    assertThat(now.get("benefitType").asText()).isEqualTo("CASH_BENEFIT");
    assertThat(now.get("benefitStartDate").asText()).isEqualTo("2026-01-10");
  }

  @Test
  void aClosedCaseRefusesChangesAndBadInputIsNamed() {
    String etag = http.getForEntity("/api/cases/" + caseId, JsonNode.class).getHeaders().getETag();
    HttpHeaders headers = new HttpHeaders();
    headers.setIfMatch(etag);
    ResponseEntity<JsonNode> closed = http.exchange("/api/cases/" + caseId + "/closure", HttpMethod.POST,
        new HttpEntity<>(Map.of("lastingSolution", "FLEX_JOB"), headers), JsonNode.class);
    assertThat(closed.getBody().get("status").asText()).isEqualTo("CLOSED");

    ResponseEntity<JsonNode> refused = put("/api/cases/" + caseId + "/benefit", closed.getHeaders().getETag(),
        Map.of("benefitType", "CASH_BENEFIT", "startDate", "2026-01-10"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getBody().get("detail").asText()).contains("closed");

    ResponseEntity<JsonNode> future = put("/api/cases/" + caseId + "/benefit", closed.getHeaders().getETag(),
        Map.of("benefitType", "", "startDate", "2999-01-01"));
    assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(future.getBody().get("errors").findValuesAsText("field")).containsExactly("benefitType", "startDate");
    assertThat(put("/api/cases/" + caseId + "/benefit", "\"soon\"", Map.of("benefitType", "X", "startDate",
        "2026-01-01")).getBody().get("errors").findValuesAsText("field")).containsExactly("If-Match");
    assertThat(http.getForEntity("/api/cases/" + UUID.randomUUID(), JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void casesAreFoundByCitizenStatusAndDeadlineWithPageLimits() {
    String etag = http.getForEntity("/api/cases/" + caseId, JsonNode.class).getHeaders().getETag();
    put("/api/cases/" + caseId + "/benefit", etag, Map.of("benefitType", "CASH_BENEFIT", "startDate", "2026-01-10"));
    String citizen = http.getForObject("/api/cases/" + caseId, JsonNode.class).get("citizenId").asText();

    JsonNode byCitizen = http.getForObject("/api/cases?citizenId=" + citizen, JsonNode.class);
    assertThat(byCitizen.get("items")).hasSize(1);
    assertThat(byCitizen.get("hasMore").asBoolean()).isFalse();
    assertThat(byCitizen.get("items").get(0).get("caseId").asText()).isEqualTo(caseId.toString());
    assertThat(http.getForObject("/api/cases?clarificationDeadlineBefore=2027-01-11&status=AWAITING_COACH",
        JsonNode.class).get("items")).hasSize(1);
    assertThat(http.getForObject("/api/cases?clarificationDeadlineBefore=2027-01-10", JsonNode.class)
        .get("items")).isEmpty();
    ResponseEntity<JsonNode> tooBig = http.getForEntity("/api/cases?size=1000", JsonNode.class);
    assertThat(tooBig.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooBig.getBody().get("errors").findValuesAsText("field")).singleElement().asString().contains("size");
    assertThat(http.getForEntity("/api/cases?status=OPENISH", JsonNode.class).getBody().get("errors")
        .findValuesAsText("field")).containsExactly("status");
  }
}
