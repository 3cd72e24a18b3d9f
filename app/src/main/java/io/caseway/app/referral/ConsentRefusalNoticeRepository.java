package io.caseway.app.referral;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsentRefusalNoticeRepository extends JpaRepository<ConsentRefusalNotice, UUID> {
  Optional<ConsentRefusalNotice> findByReferralIdAndDataSource(UUID referralId, String dataSource);

  List<ConsentRefusalNotice> findByCitizenIdOrderByToldAt(UUID citizenId);
}
