package io.caseway.app;

import io.caseway.app.platform.ProcessDeployer;
import io.caseway.app.referral.PartnerOrganisation;
import io.caseway.app.referral.PartnerOrganisationRepository;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What full integration tests set up: an empty case file, a partner, the journeys deployed. */
@Component
public class IntegrationTestSupport {
  private final JdbcTemplate jdbc;
  private final PartnerOrganisationRepository partners;
  private final ProcessDeployer deployer;

  IntegrationTestSupport(JdbcTemplate jdbc, PartnerOrganisationRepository partners, ProcessDeployer deployer) {
    this.jdbc = jdbc;
    this.partners = partners;
    this.deployer = deployer;
  }

  /** Empties every table but the policy rules (which the migrations seed). */
  public static final String EMPTY_CASE_FILE = "truncate notification, annual_review, flex_job_grant, sickness_benefit_payment, outcome_event, journal_note, placement, vacancy, employer,"
      + " plan_item, plan, meeting_participant, roundtable_meeting, health_self_assessment, waiting_list_entry,"
      + " consent, idempotency_key, case_file, referral, citizen, caseload, caseworker, partner_organisation cascade";

  /** An empty case file, and no journey deployed (tests that drive the services themselves). */
  public void emptyCaseFile() {
    jdbc.execute(EMPTY_CASE_FILE);
  }

  /** An empty case file, and the journeys deployed. */
  public void reset() {
    jdbc.execute(EMPTY_CASE_FILE);
    deployer.deployAll();
  }

  public UUID gpPractice() {
    return partners.save(new PartnerOrganisation("Nørrebro GP practice", PartnerOrganisation.Kind.GP_PRACTICE,
        Instant.now())).id();
  }

  public long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }
}
