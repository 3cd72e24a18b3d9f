package io.caseway.app.casefile;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseAccessGrantRepository extends JpaRepository<CaseAccessGrant, CaseAccessGrant.Id> {
  List<CaseAccessGrant> findByIdCaseId(UUID caseId);

  List<CaseAccessGrant> findByIdUsername(String username);
}
