package io.caseway.app.placement;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface FlexJobGrantRepository extends JpaRepository<FlexJobGrant, UUID> {
  Optional<FlexJobGrant> findByJourneyKey(long journeyKey);
}
