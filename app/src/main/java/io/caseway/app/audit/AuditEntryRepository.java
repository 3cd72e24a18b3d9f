package io.caseway.app.audit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {
  Optional<AuditEntry> findTopByOrderBySeqDesc();

  List<AuditEntry> findByCitizenIdOrderBySeq(UUID citizenId);

  @Query("select e from AuditEntry e where e.seq > :after order by e.seq")
  List<AuditEntry> page(long after, Limit limit);
}
