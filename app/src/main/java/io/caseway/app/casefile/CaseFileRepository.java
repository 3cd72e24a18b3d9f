package io.caseway.app.casefile;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CaseFileRepository extends JpaRepository<CaseFile, UUID> {
  Optional<CaseFile> findByReferralId(UUID referralId);

  List<CaseFile> findByCitizenId(UUID citizenId);

  /** The case, locked until the transaction ends: one assignment at a time per case. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from CaseFile c where c.id = :id")
  Optional<CaseFile> lockById(UUID id);
}
