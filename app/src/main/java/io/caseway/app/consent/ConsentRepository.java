package io.caseway.app.consent;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsentRepository extends JpaRepository<Consent, UUID> {
  List<Consent> findByCitizenId(UUID citizenId);

  List<Consent> findByReferralId(UUID referralId);

  List<Consent> findByCaseId(UUID caseId);
}
