package io.caseway.app.outcome;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OutcomeEventRepository extends JpaRepository<OutcomeEvent, UUID> {
  boolean existsByCaseIdAndKindAndOccurredOn(UUID caseId, OutcomeEvent.Kind kind, LocalDate occurredOn);

  boolean existsByCaseIdAndKind(UUID caseId, OutcomeEvent.Kind kind);

  List<OutcomeEvent> findByCaseId(UUID caseId);

  interface Count {
    String getRegion();

    String getDistrict();

    OutcomeEvent.Kind getKind();

    long getCount();
  }

  @Query("""
      select o.region as region, o.district as district, o.kind as kind, count(o) as count from OutcomeEvent o
      where o.occurredOn >= :from and o.occurredOn < :to
      group by o.region, o.district, o.kind order by o.region, o.district, o.kind""")
  List<Count> countByArea(LocalDate from, LocalDate to);
}
