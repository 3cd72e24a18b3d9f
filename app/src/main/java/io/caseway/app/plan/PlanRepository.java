package io.caseway.app.plan;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlanRepository extends JpaRepository<Plan, UUID> {
  List<Plan> findByCaseIdOrderByCreatedAtDesc(UUID caseId);

  Optional<Plan> findByCaseIdAndStatus(UUID caseId, Plan.Status status);
}
