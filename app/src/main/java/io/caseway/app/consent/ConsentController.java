package io.caseway.app.consent;

import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A citizen (through their coach) withdraws a consent; from then on it allows nothing. */
@RestController
class ConsentController {
  record ConsentView(UUID consentId, DataCategory dataCategory, String source, String purpose, Instant givenAt,
      Instant expiresAt, Instant withdrawnAt) {}

  private final Consents consents;

  ConsentController(Consents consents) {
    this.consents = consents;
  }

  @PostMapping("/api/consents/{consentId}/withdrawal")
  ConsentView withdraw(@PathVariable UUID consentId) {
    Consent c = consents.withdraw(consentId);
    return new ConsentView(c.id(), c.dataCategory(), c.source(), c.purpose(), c.givenAt(), c.expiresAt().orElse(null),
        c.withdrawnAt().orElse(null));
  }
}
