package io.caseway.app.journey;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.caseway.app.IntegrationTestSupport;
import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.citizen.ContactChannel;
import io.caseway.app.referral.ReferralRequest;
import io.caseway.app.referral.Referrals;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * A referral's intake gives the case to the coach, who records a citizen's sickness benefit payments and starts the early effort: the journey
 * runs with the rule set's periods, and the payment history (the employer's first 30 days not
 * counted) makes the 22-week re-assessment due.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamundaSpringProcessTest
class SicknessBenefitEarlyEffortIntegrationTest {
  @Autowired IntegrationTestSupport support;
  @Autowired Referrals referrals;
  @Autowired CaseFiles cases;

  @Test
  void moreThanTwentyTwoPaidWeeksInNineMonthsMakeTheReassessmentDue() {
    support.reset();
    UUID partner = support.gpPractice();
    JsonNode anna = support.as(support.manager()).postForObject("/api/caseworkers", Map.of("name", "Anna",
        "email", "anna@x.dk", "socialWorkQualified", false, "district", "Vesterbro", "region", "Hovedstaden"),
        JsonNode.class);
    UUID annaId = UUID.fromString(anna.get("caseworkerId").asText());
    var submitted = referrals.submit("k", new ReferralRequest(partner,
        new ReferralRequest.CitizenDetails("0909901234", "Jonas", "da", ContactChannel.PHONE, null, null, null),
        new ReferralRequest.Referrer("Dr. Jensen", "GP"), "Long sick leave", List.of(), List.of(), List.of(), null));
    // the intake journey (deployed with the others) opens the case and gives it to Anna, the only coach
    UUID citizen = submitted.referral().citizenId();
    UUID caseId = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
      JsonNode found = support.as(support.manager()).getForObject("/api/cases?citizenId=" + citizen, JsonNode.class)
          .get("items");
      return found.isEmpty() || found.get(0).get("caseworkerId").isNull() ? null
          : UUID.fromString(found.get(0).get("caseId").asText());
    }, java.util.Objects::nonNull);
    assertThat(cases.get(caseId).caseworkerId()).isEqualTo(annaId);
    TestRestTemplate coach = support.as(support.coach(annaId, false));

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate sick = today.minusWeeks(28);
    // the employer pays the first 30 days, the municipality the rest until today: 28 weeks less 30 days paid
    assertThat(coach.postForEntity("/api/cases/" + caseId + "/sickness-benefit-payments",
        Map.of("from", sick.toString(), "to", sick.plusDays(29).toString(), "paidBy", "EMPLOYER"), JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(coach.postForEntity("/api/cases/" + caseId + "/sickness-benefit-payments",
        Map.of("from", sick.plusDays(30).toString(), "to", today.toString(), "paidBy", "MUNICIPALITY"), JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);

    assertThat(coach.postForEntity("/api/cases/" + caseId + "/sickness-benefit-early-effort",
        Map.of("sicknessStartDate", sick.toString()), Void.class).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    var journey = ProcessInstanceSelectors.byProcessId(SicknessBenefitEarlyEffortController.PROCESS);
    assertThat(journey).isActive()
        .hasVariable("caseId", caseId.toString())
        .hasVariable("firstConversationDeadline", "P56D")
        .hasVariable("employerPaidPeriod", "P30D")
        // week 28 of the sickness: the first conversation is overdue, and 24 paid weeks make the re-assessment due
        .hasActiveElements("UserTask_HoldFirstConversation", "UserTask_FollowUpMissedConversation", "UserTask_Reassess");
    // a manager may not start it
    assertThat(support.as(support.manager()).postForEntity("/api/cases/" + caseId + "/sickness-benefit-early-effort",
        Map.of("sicknessStartDate", sick.toString()), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }
}
