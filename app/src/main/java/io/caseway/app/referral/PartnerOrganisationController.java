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
  private final io.caseway.app.security.CurrentUser currentUser;

  PartnerOrganisationController(PartnerOrganisationRepository partners, Clock clock,
      io.caseway.app.security.CurrentUser currentUser) {
    this.partners = partners;
    this.clock = clock;
    this.currentUser = currentUser;
  }

  /** The organisation a partner's API client acts for (its id goes into every referral). */
  @org.springframework.web.bind.annotation.GetMapping("/api/partner-organisations/mine")
  PartnerView mine() {
    UUID id = currentUser.require().partnerId();
    PartnerOrganisation p = partners.findById(id).orElseThrow();
    return new PartnerView(p.id(), p.name(), p.kind());
  }

  @PostMapping("/api/partner-organisations")
  ResponseEntity<PartnerView> register(@Valid @RequestBody NewPartner partner) {
    PartnerOrganisation saved = partners.save(new PartnerOrganisation(partner.name().strip(), partner.kind(),
        clock.instant()));
    return ResponseEntity.created(URI.create("/api/partner-organisations/" + saved.id()))
        .body(new PartnerView(saved.id(), saved.name(), saved.kind()));
  }
}
