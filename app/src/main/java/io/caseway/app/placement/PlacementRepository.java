package io.caseway.app.placement;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlacementRepository extends JpaRepository<Placement, UUID> {
  List<Placement> findByCaseIdOrderByStartedOnDesc(UUID caseId);

  Optional<Placement> findByStartKey(long startKey);
}
