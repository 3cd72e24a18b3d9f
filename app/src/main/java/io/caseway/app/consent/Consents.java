package io.caseway.app.consent;

import io.caseway.app.shared.Problems.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records, withdraws and checks specific consents. */
@Service
@Transactional
public class Consents {
  /** What a partner or coach states when recording a consent. */
  public record Given(DataCategory dataCategory, String source, String purpose, Instant expiresAt) {}

  private final ConsentRepository consents;
  private final Clock clock;

  Consents(ConsentRepository consents, Clock clock) {
    this.consents = consents;
    this.clock = clock;
  }

  /** Records consents given with a referral (before the case exists). */
  public List<Consent> recordForReferral(UUID citizenId, UUID referralId, List<Given> given) {
    Instant now = clock.instant();
    return given.stream()
        .map(g -> consents.save(new Consent(citizenId, referralId, g.dataCategory(), g.source().strip(),
            g.purpose().strip(), now, g.expiresAt())))
        .toList();
  }

  /** The case opened from a referral takes over the consents given with it. */
  public void attachReferralConsentsToCase(UUID referralId, UUID caseId) {
    consents.findByReferralId(referralId).forEach(c -> c.attachToCase(caseId));
  }

  /** What a caller is told when health data may not be recorded for a case. */
  public static final String NO_HEALTH_CONSENT = "Recording health information for this case needs the citizen's"
      + " specific consent to health data (which data, from whom) in force; there is none, or it was withdrawn or"
      + " has expired. Ask the citizen for a consent first.";

  /** Whether the citizen's specific consent to some health data for this case is in force (given, not withdrawn, not expired). */
  @Transactional(readOnly = true)
  public boolean healthConsentInForce(UUID caseId) {
    Instant now = clock.instant();
    return consents.findByCaseId(caseId).stream().anyMatch(c -> c.dataCategory().isHealth() && c.isValidAt(now));
  }

  /** Whose consent this is. */
  @Transactional(readOnly = true)
  public UUID citizenOf(UUID consentId) {
    return consents.findById(consentId).map(Consent::citizenId)
        .orElseThrow(() -> ProblemException.notFound("No consent with id " + consentId));
  }

  public Consent withdraw(UUID consentId) {
    Consent consent = consents.findById(consentId)
        .orElseThrow(() -> ProblemException.notFound("No consent with id " + consentId));
    consent.withdraw(clock.instant());
    return consent;
  }

  /**
   * Whether the citizen consented, with this referral, to Caseway obtaining data from this source:
   * the newest consent for the source decides (given and in force, withdrawn, or expired); none is
   * missing. Sources are compared ignoring case and surrounding spaces.
   */
  @Transactional(readOnly = true)
  public io.caseway.workers.ConsentStatus statusForReferral(UUID referralId, String source) {
    Instant now = clock.instant();
    return consents.findByReferralId(referralId).stream()
        .filter(c -> c.source().strip().equalsIgnoreCase(source.strip()))
        .max(java.util.Comparator.comparing(Consent::givenAt))
        .map(c -> c.withdrawnAt().isPresent() ? io.caseway.workers.ConsentStatus.REFUSED
            : c.isValidAt(now) ? io.caseway.workers.ConsentStatus.GIVEN : io.caseway.workers.ConsentStatus.EXPIRED)
        .orElse(io.caseway.workers.ConsentStatus.MISSING);
  }

  /** The consents that belong to a case (given with its referral or later). */
  @Transactional(readOnly = true)
  public List<Consent> ofCase(UUID caseId) {
    return consents.findByCaseId(caseId);
  }

  @Transactional(readOnly = true)
  public List<Consent> ofCitizen(UUID citizenId) {
    return consents.findByCitizenId(citizenId);
  }
}
