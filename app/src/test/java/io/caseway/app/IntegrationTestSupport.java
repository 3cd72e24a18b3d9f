package io.caseway.app;

import io.caseway.app.platform.ProcessDeployer;
import io.caseway.app.referral.PartnerOrganisation;
import io.caseway.app.referral.PartnerOrganisationRepository;
import io.caseway.app.security.AppUser;
import io.caseway.app.security.AppUserRepository;
import io.caseway.app.security.Role;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * What full integration tests set up: an empty case file, a partner, the journeys deployed, and
 * signed-in users of each role (every test user has the password {@link #PASSWORD}).
 */
@Component
public class IntegrationTestSupport {
  public static final String PASSWORD = "test-password";
  /** The health partner client that {@link #gpPractice()} creates. */
  public static final String GP = "gp";
  public static final String MANAGER = "manager";

  private final JdbcTemplate jdbc;
  private final PartnerOrganisationRepository partners;
  private final ProcessDeployer deployer;
  private final AppUserRepository users;
  private final PasswordEncoder passwords;
  private final ObjectProvider<TestRestTemplate> http;

  IntegrationTestSupport(JdbcTemplate jdbc, PartnerOrganisationRepository partners, ProcessDeployer deployer,
      AppUserRepository users, PasswordEncoder passwords, ObjectProvider<TestRestTemplate> http) {
    this.jdbc = jdbc;
    this.partners = partners;
    this.deployer = deployer;
    this.users = users;
    this.passwords = passwords;
    this.http = http;
  }

  /** A client signed in as this user (HTTP basic). */
  public TestRestTemplate as(String username) {
    return http.getObject().withBasicAuth(username, PASSWORD);
  }

  /** Creates (once) a user with this role, linked as given; answers the user name. */
  public String user(String username, Role role, UUID caseworkerId, UUID partnerId, UUID citizenId) {
    if (!users.existsById(username)) {
      users.save(new AppUser(username, passwords.encode(PASSWORD), role, username, caseworkerId, partnerId, citizenId));
    }
    return username;
  }

  public String manager() {
    return user(MANAGER, Role.MANAGER, null, null, null);
  }

  /** The coach user of a caseworker (a social worker when {@code qualified}). */
  public String coach(UUID caseworkerId, boolean qualified) {
    return user("coach-" + caseworkerId, qualified ? Role.SOCIAL_WORKER : Role.COACH, caseworkerId, null, null);
  }

  /** The citizen's own user. */
  public String citizen(UUID citizenId) {
    return user("citizen-" + citizenId, Role.CITIZEN, null, null, citizenId);
  }

  /** Empties every table but the policy rules (which the migrations seed). */
  public static final String EMPTY_CASE_FILE = "truncate notification, annual_review, flex_job_grant, sickness_benefit_payment, outcome_event, journal_note, placement, vacancy, employer,"
      + " plan_item, plan, meeting_participant, roundtable_meeting, health_self_assessment, waiting_list_entry,"
      + " consent, idempotency_key, case_access_grant, audit_log, app_user, case_file, referral, citizen, caseload,"
      + " caseworker, partner_organisation cascade";

  /** An empty case file, and no journey deployed (tests that drive the services themselves). */
  public void emptyCaseFile() {
    jdbc.execute(EMPTY_CASE_FILE);
  }

  /** An empty case file, and the journeys deployed. */
  public void reset() {
    jdbc.execute(EMPTY_CASE_FILE);
    deployer.deployAll();
  }

  /** A GP practice and its API client, the user {@link #GP}. */
  public UUID gpPractice() {
    UUID partner = partners.save(new PartnerOrganisation("Nørrebro GP practice", PartnerOrganisation.Kind.GP_PRACTICE,
        Instant.now())).id();
    user(GP, Role.HEALTH_PARTNER, null, partner, null);
    return partner;
  }

  public long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }
}
