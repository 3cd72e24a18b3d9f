package io.caseway.app.referral;

import io.caseway.app.shared.JobIds;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.caseway.app.citizen.Citizen;
import io.caseway.app.citizen.CitizenRepository;
import io.caseway.app.consent.Consents;
import io.caseway.app.shared.Problems.ProblemException;
import io.caseway.workers.InvalidReferralException;
import io.caseway.workers.ReferralAcknowledgement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives referrals from health partners, idempotently per {@code Idempotency-Key}, and
 * acknowledges them for the intake process.
 */
@Service
public class Referrals implements ReferralAcknowledgement {
  /** The outcome of a submission: the referral, and whether it was this request that created it. */
  public record Submission(ReferralView referral, boolean replayed) {}

  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .findAndAddModules()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
      .build();

  private final ReferralRepository referrals;
  private final PartnerOrganisationRepository partners;
  private final IdempotencyKeyRepository keys;
  private final CitizenRepository citizens;
  private final Consents consents;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Referrals(ReferralRepository referrals, PartnerOrganisationRepository partners, IdempotencyKeyRepository keys,
      CitizenRepository citizens, Consents consents, ApplicationEventPublisher events, Clock clock) {
    this.referrals = referrals;
    this.partners = partners;
    this.keys = keys;
    this.citizens = citizens;
    this.consents = consents;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Stores a referral with its citizen and consents in one transaction, or returns the referral an
   * earlier request with the same key created. The same key with a different request is refused.
   */
  @Transactional
  public Submission submit(String idempotencyKey, ReferralRequest request) {
    String hash = hash(request);
    Optional<Submission> earlier = replay(request.partnerOrganisationId(), idempotencyKey, hash);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    PartnerOrganisation partner = partners.findById(request.partnerOrganisationId())
        .orElseThrow(() -> ProblemException.invalid("partnerOrganisationId",
            "no partner organisation has the id " + request.partnerOrganisationId()));
    Instant now = clock.instant();
    ReferralRequest.CitizenDetails c = request.citizen();
    Citizen citizen = citizens.findByPersonIdentifier(c.personIdentifier().strip())
        .orElseGet(() -> citizens.save(new Citizen(c.personIdentifier().strip(), c.fullName().strip(),
            c.preferredLanguage(), c.contactChannel(), c.contactDetail(), c.communityLocation(),
            c.vulnerabilityFlags() == null ? List.of() : c.vulnerabilityFlags(), now)));
    ReferralRequest.Benefit benefit = request.benefit();
    Referral referral = referrals.save(new Referral(citizen.id(), partner, request.referrer().name().strip(),
        request.referrer().role(), request.reason().strip(), request.needsOrEmpty(), now)
        .withIntakeDetails(request.dataSourcesOrEmpty(), benefit == null ? null : benefit.benefitType().strip(),
            benefit == null ? null : benefit.startDate()));
    consents.recordForReferral(citizen.id(), referral.id(), request.consentsOrEmpty().stream()
        .map(g -> new Consents.Given(g.dataCategory(), g.source(), g.purpose(), g.expiresAt())).toList());
    keys.save(new IdempotencyKey(partner.id(), idempotencyKey, hash, referral.id(), now));
    events.publishEvent(new ReferralSubmitted(referral.id(), referral.needs(), referral.healthReferred()));
    return new Submission(ReferralView.of(referral), false);
  }

  /** The referral an earlier request with this key created, if any; refuses a reused key with another request. */
  @Transactional(readOnly = true)
  public Optional<Submission> replay(UUID partnerId, String idempotencyKey, String requestHash) {
    return keys.findById(new IdempotencyKey.Id(partnerId, idempotencyKey)).map(k -> {
      if (!k.requestHash().equals(requestHash)) {
        throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "The Idempotency-Key '" + idempotencyKey
            + "' was already used for a different referral; use a new key for a new referral");
      }
      return new Submission(ReferralView.of(referrals.findById(k.referralId()).orElseThrow()), true);
    });
  }

  @Transactional(readOnly = true)
  public ReferralView get(UUID partnerId, UUID referralId) {
    return referrals.findById(referralId)
        .filter(r -> r.partnerId().equals(partnerId))
        .map(ReferralView::of)
        .orElseThrow(() -> ProblemException.notFound("Partner " + partnerId + " has no referral with id " + referralId));
  }

  @Transactional(readOnly = true)
  public Optional<Referral> find(UUID referralId) {
    return referrals.findById(referralId);
  }

  /** For the intake process: idempotent, the first acknowledgement's time stands. */
  @Override
  @Transactional
  public Instant acknowledge(String referralId) {
    return referrals.findById(JobIds.parse(referralId, "a referral id"))
        .orElseThrow(() -> new InvalidReferralException("No referral with id '" + referralId + "'"))
        .acknowledge(clock.instant());
  }

  /** Called after the referral's own transaction has committed, so in a transaction of its own. */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
  public void markIntakeStarted(UUID referralId) {
    referrals.findById(referralId).ifPresent(r -> r.intakeStarted(clock.instant()));
  }


  static String hash(ReferralRequest request) {
    try {
      byte[] canonical = CANONICAL.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Cannot hash the request", e);
    }
  }
}
