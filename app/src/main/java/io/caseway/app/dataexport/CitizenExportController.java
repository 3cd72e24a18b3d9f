package io.caseway.app.dataexport;

import io.caseway.app.casefile.CaseFileRepository;
import io.caseway.app.casefile.CaseView;
import io.caseway.app.citizen.Citizen;
import io.caseway.app.citizen.CitizenRepository;
import io.caseway.app.consent.Consent;
import io.caseway.app.consent.Consents;
import io.caseway.app.referral.ReferralRepository;
import io.caseway.app.shared.Problems.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Everything Caseway holds about a citizen, for the citizen (GDPR Art. 15 and 20). */
@RestController
class CitizenExportController {
  record CitizenData(UUID citizenId, String personIdentifier, String fullName, String preferredLanguage,
      String contactChannel, String contactDetail, String communityLocation, List<String> vulnerabilityFlags,
      Instant registeredAt) {}

  record ReferralData(UUID referralId, String referrerName, String referrerRole, String reason, List<String> needs,
      List<String> dataSources, String benefitType, java.time.LocalDate benefitStartDate, Instant receivedAt,
      Instant acknowledgedAt) {}

  /** What the citizen was told when they refused consent for a data source. */
  record ConsentRefusalNoticeData(UUID referralId, String dataSource, String text, Instant toldAt) {}

  record ConsentData(UUID consentId, String dataCategory, String source, String purpose, UUID caseId,
      Instant givenAt, Instant expiresAt, Instant withdrawnAt) {}

  record Export(Instant exportedAt, CitizenData citizen, List<ReferralData> referrals, List<ConsentData> consents,
      List<ConsentRefusalNoticeData> consentRefusalNotices, List<CaseView> cases) {}

  private final CitizenRepository citizens;
  private final ReferralRepository referrals;
  private final Consents consents;
  private final io.caseway.app.referral.ConsentRefusalNoticeRepository notices;
  private final CaseFileRepository cases;
  private final Clock clock;
  private final io.caseway.app.security.CurrentUser currentUser;
  private final io.caseway.app.audit.AuditLog audit;

  CitizenExportController(CitizenRepository citizens, ReferralRepository referrals, Consents consents,
      io.caseway.app.referral.ConsentRefusalNoticeRepository notices, CaseFileRepository cases, Clock clock,
      io.caseway.app.security.CurrentUser currentUser, io.caseway.app.audit.AuditLog audit) {
    this.currentUser = currentUser;
    this.audit = audit;
    this.citizens = citizens;
    this.referrals = referrals;
    this.consents = consents;
    this.notices = notices;
    this.cases = cases;
    this.clock = clock;
  }

  @GetMapping("/api/citizens/{citizenId}/export")
  @Transactional(readOnly = true)
  public Export export(@PathVariable UUID citizenId) {
    var me = currentUser.require();
    boolean own = citizenId.equals(me.citizenId());
    audit.record(me, io.caseway.app.audit.AuditLog.Action.EXPORT, "citizen", citizenId, citizenId,
        io.caseway.app.security.Purpose.or("the citizen's copy of their data"), own);
    if (!own) {
      throw new io.caseway.app.security.AccessDeniedProblem("A citizen can export their own data only");
    }
    Citizen c = citizens.findById(citizenId)
        .orElseThrow(() -> ProblemException.notFound("No citizen with id " + citizenId));
    return new Export(clock.instant(),
        new CitizenData(c.id(), c.personIdentifier(), c.fullName(), c.preferredLanguage(), c.contactChannel().name(),
            c.contactDetail(), c.communityLocation(), c.vulnerabilityFlags(), c.createdAt()),
        referrals.findByCitizenId(citizenId).stream()
            .map(r -> new ReferralData(r.id(), r.referrerName(), r.referrerRole(), r.reason(), r.needs(),
                r.dataSources(), r.benefitType().orElse(null), r.benefitStartDate().orElse(null), r.receivedAt(),
                r.acknowledgedAt().orElse(null)))
            .toList(),
        consents.ofCitizen(citizenId).stream().map(CitizenExportController::consent).toList(),
        notices.findByCitizenIdOrderByToldAt(citizenId).stream()
            .map(n -> new ConsentRefusalNoticeData(n.referralId(), n.dataSource(), n.text(), n.toldAt())).toList(),
        cases.findByCitizenId(citizenId).stream().map(CaseView::of).toList());
  }

  private static ConsentData consent(Consent k) {
    return new ConsentData(k.id(), k.dataCategory().name(), k.source(), k.purpose(), k.caseId().orElse(null),
        k.givenAt(), k.expiresAt().orElse(null), k.withdrawnAt().orElse(null));
  }
}
