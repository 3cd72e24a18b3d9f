package io.caseway.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.caseway.app.IntegrationTestSupport;
import io.caseway.app.audit.AuditLog;
import io.caseway.app.caseload.Assignments;
import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.citizen.ContactChannel;
import io.caseway.app.consent.DataCategory;
import io.caseway.app.meeting.Meetings;
import io.caseway.app.referral.PartnerOrganisation;
import io.caseway.app.referral.PartnerOrganisationRepository;
import io.caseway.app.referral.ReferralRequest;
import io.caseway.app.referral.Referrals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may call what: every endpoint of the API against every role, with the real rules, the real
 * database and the access log. A case assigned to the coach Anna is the subject: its citizen Mette,
 * a health coordinator it is shared with (Hanne) and one it is not (Hugo), another coach (Ben), a
 * manager, a process owner and two health partners try every call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamundaSpringProcessTest
class AccessControlIntegrationTest {
  @Autowired IntegrationTestSupport support;
  @Autowired TestRestTemplate http;
  @Autowired Referrals referrals;
  @Autowired CaseFiles cases;
  @Autowired Assignments assignments;
  @Autowired Meetings meetings;
  @Autowired PartnerOrganisationRepository partners;
  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;

  static final List<String> EVERYONE = List.of("anna", "ben", "hanne", "hugo", "mette", "manager", "per", "gp",
      "clinic");

  UUID partnerA;
  UUID caseId;
  UUID citizenId;
  UUID referralId;
  UUID consentId;
  UUID annaId;

  @BeforeEach
  void aCaseAssignedToAnna() {
    support.emptyCaseFile();
    partnerA = support.gpPractice(); // user "gp"
    UUID partnerB = partners.save(new PartnerOrganisation("Another clinic", PartnerOrganisation.Kind.ADDICTION_CLINIC,
        Instant.now())).id();
    support.user("clinic", Role.HEALTH_PARTNER, null, partnerB, null);
    JsonNode anna = support.as(support.manager()).postForObject("/api/caseworkers", Map.of("name", "Anna",
        "email", "anna@x.dk", "socialWorkQualified", false, "district", "Vesterbro", "region", "Hovedstaden"),
        JsonNode.class);
    JsonNode ben = support.as(support.manager()).postForObject("/api/caseworkers", Map.of("name", "Ben",
        "email", "ben@x.dk", "socialWorkQualified", false, "district", "Vesterbro", "region", "Hovedstaden"),
        JsonNode.class);
    annaId = UUID.fromString(anna.get("caseworkerId").asText());
    support.user("anna", Role.COACH, annaId, null, null);
    support.user("ben", Role.COACH, UUID.fromString(ben.get("caseworkerId").asText()), null, null);
    support.user("hanne", Role.HEALTH_COORDINATOR, null, null, null);
    support.user("hugo", Role.HEALTH_COORDINATOR, null, null, null);
    support.user("per", Role.PROCESS_OWNER, null, null, null);
    var submitted = referrals.submit("k", new ReferralRequest(partnerA,
        new ReferralRequest.CitizenDetails("0707901234", "Mette", "da", ContactChannel.PHONE, null, null, null),
        new ReferralRequest.Referrer("Dr. Jensen", "GP"), "Back pain", List.of(),
        List.of(new ReferralRequest.ConsentGiven(DataCategory.GP_RECORDS, "Vesterbro GP", "Assessment", null)),
        List.of(), null));
    referralId = submitted.referral().referralId();
    citizenId = submitted.referral().citizenId();
    support.user("mette", Role.CITIZEN, null, null, citizenId);
    caseId = UUID.fromString(cases.openCase(referralId.toString(), "job-directed"));
    assertThat(assignments.take(caseId.toString(), annaId.toString())).isTrue();
    consentId = jdbc.queryForObject("select id from consent where citizen_id = ?", UUID.class, citizenId);
    meetings.recordSelfAssessment(caseId, 4, BigDecimal.TEN, "Back pain after an hour of sitting", null);
    call("anna", HttpMethod.POST, "/api/cases/" + caseId + "/journal-notes",
        Map.of("author", "Anna", "body", "Talked about her back", "confidential", true));
    call("anna", HttpMethod.POST, "/api/cases/" + caseId + "/shares",
        Map.of("username", "hanne", "reason", "roundtable health coordinator"));
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setIfMatch("\"0\"");
    headers.set("Idempotency-Key", UUID.randomUUID().toString());
    TestRestTemplate client = user == null ? http : support.as(user);
    return client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  /** One row of the matrix: a call and who may make it. */
  record Rule(HttpMethod method, String path, Object body, Set<String> allowed) {}

  private List<Rule> matrix() {
    String c = "/api/cases/" + caseId;
    Map<String, Object> referral = Map.of("partnerOrganisationId", partnerA,
        "citizen", Map.of("personIdentifier", "0808901234", "fullName", "Lars", "contactChannel", "EMAIL"),
        "referrer", Map.of("name", "Dr. Holm"), "reason", "Stress");
    Map<String, Object> plan = Map.of("type", "JOB_DIRECTED",
        "items", List.of(Map.of("kind", "GOAL", "description", "Ten hours a week")));
    return List.of(
        new Rule(HttpMethod.GET, "/api/cases", null, Set.of("anna", "ben", "mette", "manager")),
        new Rule(HttpMethod.GET, c, null, Set.of("anna", "hanne", "mette", "manager")),
        new Rule(HttpMethod.PUT, c + "/benefit", Map.of("benefitType", "cash-benefit", "startDate", "2026-06-01"),
            Set.of("anna")),
        new Rule(HttpMethod.GET, c + "/journal-notes", null, Set.of("anna", "hanne", "mette")),
        new Rule(HttpMethod.POST, c + "/journal-notes", Map.of("author", "x", "body", "y", "confidential", false),
            Set.of("anna")),
        new Rule(HttpMethod.GET, c + "/self-assessments", null, Set.of("anna", "hanne", "mette")),
        new Rule(HttpMethod.POST, c + "/self-assessments", Map.of("workCapacityRating", 5, "limitations", "x"),
            Set.of("anna", "hanne", "mette")),
        new Rule(HttpMethod.GET, c + "/meetings", null, Set.of("anna", "hanne", "mette")),
        new Rule(HttpMethod.GET, c + "/plans", null, Set.of("anna", "hanne", "mette", "manager")),
        new Rule(HttpMethod.POST, c + "/plans", plan, Set.of("anna")),
        new Rule(HttpMethod.GET, c + "/placements", null, Set.of("anna", "hanne", "mette", "manager")),
        new Rule(HttpMethod.POST, c + "/shares", Map.of("username", "cleo", "reason", "holiday cover"), Set.of("anna")),
        new Rule(HttpMethod.GET, "/api/citizens/" + citizenId + "/export", null, Set.of("mette")),
        new Rule(HttpMethod.GET, "/api/citizens/" + citizenId + "/access-log", null, Set.of("mette")),
        new Rule(HttpMethod.POST, "/api/consents/" + consentId + "/withdrawal", null, Set.of("mette")),
        new Rule(HttpMethod.POST, "/api/referrals", referral, Set.of("gp")),
        new Rule(HttpMethod.GET, "/api/referrals/" + referralId, null, Set.of("gp")),
        new Rule(HttpMethod.POST, "/api/partner-organisations", Map.of("name", "New GP", "kind", "GP_PRACTICE"),
            Set.of("manager")),
        new Rule(HttpMethod.POST, "/api/caseworkers", Map.of("name", "Cleo", "email", "cleo-" + UUID.randomUUID()
            + "@x.dk", "socialWorkQualified", true, "district", "V", "region", "H"), Set.of("manager")),
        new Rule(HttpMethod.GET, "/api/caseworkers/" + annaId, null, Set.of("anna", "manager")),
        new Rule(HttpMethod.GET, "/api/waiting-list", null, Set.of("manager")),
        new Rule(HttpMethod.GET, "/api/outcomes?from=2026-01-01&to=2026-12-31", null, Set.of("manager")),
        new Rule(HttpMethod.GET, "/api/audit/verification", null, Set.of("manager")),
        new Rule(HttpMethod.GET, "/api/retention/due", null, Set.of("manager")),
        new Rule(HttpMethod.GET, "/api/vacancies/flex-jobs", null, Set.of("anna", "ben")),
        new Rule(HttpMethod.GET, "/api/caseworkers/" + annaId + "/notifications", null, Set.of("anna", "manager")),
        new Rule(HttpMethod.GET, "/api/notifications?recipient=MANAGER", null, Set.of("manager")),
        new Rule(HttpMethod.GET, c + "/annual-review", null, Set.of("anna", "hanne", "mette", "manager")),
        new Rule(HttpMethod.GET, c + "/outcomes", null, Set.of("anna", "hanne", "mette", "manager")),
        new Rule(HttpMethod.GET, c + "/sickness-benefit-payments", null, Set.of("anna", "hanne", "mette")),
        new Rule(HttpMethod.POST, c + "/development-flex-job", Map.of("employerId", UUID.randomUUID(), "weeklyHours", 2),
            Set.of("anna")),
        new Rule(HttpMethod.POST, c + "/sickness-benefit-early-effort", Map.of("sicknessStartDate", "2026-10-01"),
            Set.of("anna")));
  }

  @TestFactory
  Stream<DynamicTest> everyEndpointAgainstEveryRole() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Rule rule : matrix()) {
      for (String user : EVERYONE) {
        boolean allowed = rule.allowed().contains(user);
        tests.add(DynamicTest.dynamicTest(rule.method() + " " + rule.path() + " as " + user + ": "
            + (allowed ? "allowed" : "refused"), () -> {
          int status = call(user, rule.method(), rule.path(), rule.body()).getStatusCode().value();
          if (allowed) {
            assertThat(status).as("status").isNotIn(401, 403).isLessThan(500);
          } else {
            assertThat(status).as("status").isIn(403, 404);
          }
        }));
      }
      tests.add(DynamicTest.dynamicTest(rule.method() + " " + rule.path() + " without signing in: 401",
          () -> assertThat(call(null, rule.method(), rule.path(), rule.body()).getStatusCode())
              .isEqualTo(HttpStatus.UNAUTHORIZED)));
    }
    return tests.stream();
  }

  private long refusals(String actor, String recordType) {
    return jdbc.queryForObject("select count(*) from audit_log where actor = ? and record_type = ? and not allowed",
        Long.class, actor, recordType);
  }

  @Test
  void anotherCoachsCaseIsRefusedAndTheAttemptIsInTheCitizensAccessLog() {
    ResponseEntity<String> refused = call("ben", HttpMethod.GET, "/api/cases/" + caseId, null);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(refused.getBody()).contains("may not read case " + caseId);
    assertThat(refusals("ben", "case")).isEqualTo(1);
    JsonNode log = support.as("mette").getForObject("/api/citizens/" + citizenId + "/access-log", JsonNode.class);
    assertThat(log.findValuesAsText("who")).contains("ben", "anna");
    assertThat(log.findValues("allowed").stream().filter(a -> !a.asBoolean()).count()).isEqualTo(1);
  }

  @Test
  void aHealthPartnerCannotReadAnotherPartnersReferral() {
    assertThat(call("clinic", HttpMethod.GET, "/api/referrals/" + referralId, null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(refusals("clinic", "referral")).isEqualTo(1);
    assertThat(call("gp", HttpMethod.GET, "/api/referrals/" + referralId, null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void aManagerSeesTheCaseButNotItsHealthDataOrNotes() {
    assertThat(call("manager", HttpMethod.GET, "/api/cases/" + caseId, null).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(call("manager", HttpMethod.GET, "/api/cases/" + caseId + "/journal-notes", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("manager", HttpMethod.GET, "/api/cases/" + caseId + "/self-assessments", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refusals("manager", "journal")).isEqualTo(1);
    assertThat(refusals("manager", "self-assessment")).isEqualTo(1);
  }

  @Test
  void confidentialNotesAreForTheCaseworkerTheSharedCoordinatorAndTheCitizenOnly() {
    call("anna", HttpMethod.POST, "/api/cases/" + caseId + "/journal-notes",
        Map.of("author", "Anna", "body", "Booked the library room", "confidential", false));
    call("anna", HttpMethod.POST, "/api/cases/" + caseId + "/shares", Map.of("username", "ben", "reason", "cover"));
    // shared with Ben now: he reads the case, but may not change it
    assertThat(call("ben", HttpMethod.GET, "/api/cases/" + caseId, null).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(call("ben", HttpMethod.POST, "/api/cases/" + caseId + "/plans", Map.of("type", "JOB_DIRECTED",
        "items", List.of(Map.of("kind", "GOAL", "description", "x")))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    for (String reader : List.of("anna", "hanne", "mette")) {
      JsonNode notes = support.as(reader).getForObject("/api/cases/" + caseId + "/journal-notes", JsonNode.class);
      assertThat(notes.findValuesAsText("body")).as(reader)
          .contains("Talked about her back", "Booked the library room");
    }
  }

  @Test
  void theAccessLogChainVerifiesAndATamperedRowIsFound() {
    call("anna", HttpMethod.GET, "/api/cases/" + caseId, null);
    call("ben", HttpMethod.GET, "/api/cases/" + caseId, null);
    JsonNode verification = support.as("manager").getForObject("/api/audit/verification", JsonNode.class);
    assertThat(verification.get("intact").asBoolean()).isTrue();
    assertThat(verification.get("entries").asLong()).isGreaterThanOrEqualTo(4);

    // the table refuses changes; someone with the database owner's rights gets past that, the chain does not
    assertThatThrownBy(() -> jdbc.update("update audit_log set purpose = 'nothing to see' where actor = 'ben'"))
        .hasMessageContaining("append-only");
    long tampered = jdbc.queryForObject("select min(seq) from audit_log where actor = 'ben'", Long.class);
    jdbc.execute("alter table audit_log disable trigger audit_log_no_change");
    try {
      jdbc.update("update audit_log set allowed = true where seq = ?", tampered);
    } finally {
      jdbc.execute("alter table audit_log enable trigger audit_log_no_change");
    }
    AuditLog.Verification after = audit.verify();
    assertThat(after.intact()).isFalse();
    assertThat(after.firstBrokenSeq()).isEqualTo(tampered);
  }

  @Test
  void theCitizensWithdrawalIsRecordedAndStopsTheConsent() {
    assertThat(call("anna", HttpMethod.POST, "/api/consents/" + consentId + "/withdrawal", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> withdrawn = call("mette", HttpMethod.POST, "/api/consents/" + consentId + "/withdrawal",
        null);
    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(jdbc.queryForObject("select withdrawn_at is not null from consent where id = ?", Boolean.class,
        consentId)).isTrue();
  }
}
