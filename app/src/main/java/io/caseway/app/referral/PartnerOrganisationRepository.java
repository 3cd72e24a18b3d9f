package io.caseway.app.referral;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PartnerOrganisationRepository extends JpaRepository<PartnerOrganisation, UUID> {}
