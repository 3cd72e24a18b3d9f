package io.caseway.app.referral;

import io.caseway.app.consent.Consents;
import io.caseway.app.shared.JobIds;
import io.caseway.workers.ConsentRefusalExplanation;
import io.caseway.workers.ConsentRegister;
import io.caseway.workers.ConsentStatus;
import io.caseway.workers.InvalidReferralException;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The intake's consent gate: the consent status of each health data source a referral asks to use,
 * and the plain-language notice a citizen gets when they refuse one.
 */
@Service
class IntakeConsents implements ConsentRegister, ConsentRefusalExplanation {
  private final ReferralRepository referrals;
  private final Consents consents;
  private final ConsentRefusalNoticeRepository notices;
  private final Clock clock;

  IntakeConsents(ReferralRepository referrals, Consents consents, ConsentRefusalNoticeRepository notices, Clock clock) {
    this.referrals = referrals;
    this.consents = consents;
    this.notices = notices;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public ConsentStatus status(String referralId, String dataSource) {
    return consents.statusForReferral(load(referralId).id(), dataSource);
  }

  /** Idempotent: the citizen is told once per referral and source. */
  @Override
  @Transactional
  public void explain(String referralId, String dataSource) {
    Referral referral = load(referralId);
    if (notices.findByReferralIdAndDataSource(referral.id(), dataSource).isPresent()) {
      return;
    }
    notices.save(new ConsentRefusalNotice(referral.id(), referral.citizenId(), dataSource, text(dataSource),
        clock.instant()));
  }

  static String text(String dataSource) {
    return "You said no to us getting information from " + dataSource + ". That is your choice, and it is fine."
        + " We will not get or use information from " + dataSource + ". Your benefit is not affected, and your"
        + " support goes on as planned. You can change your mind at any time by telling your coach.";
  }

  private Referral load(String referralId) {
    return referrals.findById(JobIds.parse(referralId, "a referral id"))
        .orElseThrow(() -> new InvalidReferralException("No referral with id '" + referralId + "'"));
  }
}
