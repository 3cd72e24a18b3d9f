package io.caseway.app.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Registers the health partners that may refer people in. */
@RestController
class PartnerOrganisationController {
  record NewPartner(@NotBlank @Size(max = 200) String name, @NotNull PartnerOrganisation.Kind kind) {}

  record PartnerView(UUID partnerOrganisationId, String name, PartnerOrganisation.Kind kind) {}

  private final PartnerOrganisationRepository partners;
  private final Clock clock;

  PartnerOrganisationController(PartnerOrganisationRepository partners, Clock clock) {
    this.partners = partners;
    this.clock = clock;
  }

  @PostMapping("/api/partner-organisations")
  ResponseEntity<PartnerView> register(@Valid @RequestBody NewPartner partner) {
    PartnerOrganisation saved = partners.save(new PartnerOrganisation(partner.name().strip(), partner.kind(),
        clock.instant()));
    return ResponseEntity.created(URI.create("/api/partner-organisations/" + saved.id()))
        .body(new PartnerView(saved.id(), saved.name(), saved.kind()));
  }
}
