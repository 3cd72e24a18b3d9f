package io.caseway.app.meeting;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface HealthSelfAssessmentRepository extends JpaRepository<HealthSelfAssessment, UUID> {
  List<HealthSelfAssessment> findByCaseIdOrderByRecordedAtDesc(UUID caseId);

  boolean existsByCaseId(UUID caseId);
}
