package io.caseway.app.demo;

import io.caseway.app.caseload.Caseworkers;
import io.caseway.app.citizen.Citizen;
import io.caseway.app.citizen.CitizenRepository;
import io.caseway.app.citizen.ContactChannel;
import io.caseway.app.referral.PartnerOrganisation;
import io.caseway.app.referral.PartnerOrganisationRepository;
import io.caseway.app.security.AppUser;
import io.caseway.app.security.AppUserRepository;
import io.caseway.app.security.Role;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The embedded default's demo users, one per role, with the records they act on (README lists
 * them). Only when {@code caseway.security.demo-users} is true: never on a cluster deployment. All
 * share the password {@code caseway.security.demo-password}. Created once; a restart keeps them.
 */
@Component
@ConditionalOnProperty(name = "caseway.security.demo-users", havingValue = "true")
class DemoUsers implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  private final AppUserRepository users;
  private final Caseworkers caseworkers;
  private final PartnerOrganisationRepository partners;
  private final CitizenRepository citizens;
  private final PasswordEncoder passwords;
  private final String password;
  private final Clock clock;

  DemoUsers(AppUserRepository users, Caseworkers caseworkers, PartnerOrganisationRepository partners,
      CitizenRepository citizens, PasswordEncoder passwords,
      @Value("${caseway.security.demo-password:demo}") String password, Clock clock) {
    this.users = users;
    this.caseworkers = caseworkers;
    this.partners = partners;
    this.citizens = citizens;
    this.passwords = passwords;
    this.password = password;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (users.existsById("anna")) {
      return;
    }
    LOG.warn("Creating demo users (anna, sofie, hanne, maja, per, gp-vesterbro, mette): for trying Caseway out,"
        + " never for real data");
    UUID anna = caseworkers.register(new Caseworkers.NewCaseworker("Anna Holm", "anna@caseway.demo", false,
        "Vesterbro", "Hovedstaden", null)).caseworkerId();
    UUID sofie = caseworkers.register(new Caseworkers.NewCaseworker("Sofie Lund", "sofie@caseway.demo", true,
        "Vesterbro", "Hovedstaden", null)).caseworkerId();
    UUID gp = partners.save(new PartnerOrganisation("Vesterbro GP practice", PartnerOrganisation.Kind.GP_PRACTICE,
        clock.instant())).id();
    UUID mette = citizens.findByPersonIdentifier("demo-0101")
        .orElseGet(() -> citizens.save(new Citizen("demo-0101", "Mette Hansen", "da", ContactChannel.PHONE,
            null, "Vesterbro library", List.of(), clock.instant())))
        .id();
    String hash = passwords.encode(password);
    users.saveAll(List.of(
        new AppUser("anna", hash, Role.COACH, "Anna Holm", anna, null, null),
        new AppUser("sofie", hash, Role.SOCIAL_WORKER, "Sofie Lund", sofie, null, null),
        new AppUser("hanne", hash, Role.HEALTH_COORDINATOR, "Hanne Berg", null, null, null),
        new AppUser("maja", hash, Role.MANAGER, "Maja Krog", null, null, null),
        new AppUser("per", hash, Role.PROCESS_OWNER, "Per Sand", null, null, null),
        new AppUser("gp-vesterbro", hash, Role.HEALTH_PARTNER, "Vesterbro GP practice", null, gp, null),
        new AppUser("mette", hash, Role.CITIZEN, "Mette Hansen", null, null, mette)));
  }
}
