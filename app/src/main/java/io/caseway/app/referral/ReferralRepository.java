package io.caseway.app.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReferralRepository extends JpaRepository<Referral, UUID> {
  List<Referral> findByCitizenId(UUID citizenId);

  @Query("select r.id from Referral r where r.intakeStartedAt is null and r.receivedAt < :before order by r.receivedAt")
  List<UUID> findIntakeNotStartedBefore(Instant before);
}
