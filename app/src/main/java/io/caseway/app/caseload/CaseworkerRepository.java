package io.caseway.app.caseload;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseworkerRepository extends JpaRepository<Caseworker, UUID> {
  boolean existsByEmailIgnoreCase(String email);
}
