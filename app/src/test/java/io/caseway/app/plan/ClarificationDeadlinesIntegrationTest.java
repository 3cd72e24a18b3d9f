package io.caseway.app.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.caseway.app.IntegrationTestSupport;
import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.casefile.Track;
import io.caseway.app.caseload.Assignments;
import io.caseway.app.caseload.Caseworkers;
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
import org.springframework.jdbc.core.JdbcTemplate;

/** The managers' watch list of the one-year guarantee, on PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamundaSpringProcessTest
class ClarificationDeadlinesIntegrationTest {
  @Autowired IntegrationTestSupport support;
  @Autowired Referrals referrals;
  @Autowired CaseFiles cases;
  @Autowired Caseworkers caseworkers;
  @Autowired Assignments assignments;
  @Autowired Plans plans;
  @Autowired ClarificationDeadlines deadlines;
  @Autowired JdbcTemplate jdbc;

  private UUID caseOnBenefitSince(UUID partner, String person, LocalDate start, UUID caseworker) {
    var submitted = referrals.submit(UUID.randomUUID().toString(), new ReferralRequest(partner,
        new ReferralRequest.CitizenDetails(person, "Citizen " + person, "da", ContactChannel.PHONE, null, null, null),
        new ReferralRequest.Referrer("Dr. Jensen", "GP"), "Back pain", List.of(), List.of(), List.of(),
        new ReferralRequest.Benefit("cash-benefit", start)));
    UUID caseId = UUID.fromString(cases.openCase(submitted.referral().referralId().toString(), "job-directed"));
    if (caseworker != null) {
      assertThat(assignments.take(caseId.toString(), caseworker.toString())).isTrue();
    }
    return caseId;
  }

  @Test
  void missedAndAtRiskAreTheCasesWithoutAPlanAndAPlanInForceTakesACaseOff() {
    support.emptyCaseFile();
    UUID partner = support.gpPractice();
    UUID anna = caseworkers.register(new Caseworkers.NewCaseworker("Anna Holm", "anna@x.dk", false, "Vesterbro",
        "Hovedstaden", Map.of(Track.JOB_DIRECTED, 25))).caseworkerId();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    UUID missed = caseOnBenefitSince(partner, "0101901234", today.minusMonths(10), anna);
    // the policy rules start in 2026, so a case whose year has run out is made by moving its deadline
    jdbc.update("update case_file set clarification_deadline = ? where id = ?", today.minusDays(10), missed);
    UUID atRisk = caseOnBenefitSince(partner, "0202901234", today.minusMonths(11).plusDays(5), anna);
    UUID waitingAtRisk = caseOnBenefitSince(partner, "0303901234", today.minusMonths(11), null);
    caseOnBenefitSince(partner, "0404901234", today.minusMonths(3), anna); // far from its deadline
    LocalDate horizon = today.plusDays(60);

    assertThat(deadlines.withoutPlanBefore(horizon, 10)).extracting(ClarificationDeadlines.Watched::caseId)
        .containsExactly(missed, waitingAtRisk, atRisk);
    assertThat(deadlines.byDistrict(today, horizon)).containsExactly(
        new ClarificationDeadlines.DistrictCount("Hovedstaden", "Vesterbro", 1, 1),
        new ClarificationDeadlines.DistrictCount(null, null, 0, 1));

    // a plan put in force, late or not, takes the case off the list; a draft does not
    Plan late = plans.draft(missed, Plan.Type.JOB_DIRECTED, List.of(new PlanItem(PlanItem.Kind.GOAL, "Ten hours", null)));
    assertThat(deadlines.withoutPlanBefore(horizon, 10)).extracting(ClarificationDeadlines.Watched::caseId)
        .contains(missed);
    plans.activate(late.id(), late.version());
    assertThat(deadlines.withoutPlanBefore(horizon, 10)).extracting(ClarificationDeadlines.Watched::caseId)
        .containsExactly(waitingAtRisk, atRisk);
    assertThat(deadlines.byDistrict(today, horizon)).containsExactly(
        new ClarificationDeadlines.DistrictCount("Hovedstaden", "Vesterbro", 0, 1),
        new ClarificationDeadlines.DistrictCount(null, null, 0, 1));
  }
}
