package io.caseway.app.referral;

import io.caseway.app.citizen.ContactChannel;
import io.caseway.app.consent.DataCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A health partner's referral, as submitted to {@code POST /api/referrals}. */
public record ReferralRequest(
    @NotNull UUID partnerOrganisationId,
    @NotNull @Valid CitizenDetails citizen,
    @NotNull @Valid Referrer referrer,
    @NotBlank @Size(max = 4000) String reason,
    @Size(max = 5) List<@NotNull Need> needs,
    @Size(max = 10) List<@NotNull @Valid ConsentGiven> consents,
    @Size(max = 10) List<@NotBlank @Size(max = 200) String> dataSources,
    @Valid Benefit benefit) {

  /**
   * The benefit the citizen receives, if any; its start date starts the clock of the clarification
   * guarantee (at most a year on cash benefit without an assessment and a plan).
   */
  public record Benefit(@NotBlank @Size(max = 40) String benefitType, @NotNull @PastOrPresent java.time.LocalDate startDate) {}

  public record CitizenDetails(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+", message = "may contain only letters, digits and -")
      String personIdentifier,
      @NotBlank @Size(max = 200) String fullName,
      @Size(max = 35) String preferredLanguage,
      @NotNull ContactChannel contactChannel,
      @Size(max = 200) String contactDetail,
      @Size(max = 200) String communityLocation,
      @Size(max = 10) List<@NotBlank @Size(max = 40) String> vulnerabilityFlags) {}

  public record Referrer(@NotBlank @Size(max = 200) String name, @Size(max = 100) String role) {}

  public record ConsentGiven(
      @NotNull DataCategory dataCategory,
      @NotBlank @Size(max = 200) String source,
      @NotBlank @Size(max = 300) String purpose,
      @Future Instant expiresAt) {}

  List<Need> needsOrEmpty() {
    return needs == null ? List.of() : needs;
  }

  List<ConsentGiven> consentsOrEmpty() {
    return consents == null ? List.of() : consents;
  }

  /** The health data sources the referral asks Caseway to obtain data from, each checked against the consents. */
  List<String> dataSourcesOrEmpty() {
    return dataSources == null ? List.of() : dataSources.stream().map(String::strip).distinct().toList();
  }
}
