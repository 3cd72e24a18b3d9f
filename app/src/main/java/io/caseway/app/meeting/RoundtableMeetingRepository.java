package io.caseway.app.meeting;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RoundtableMeetingRepository extends JpaRepository<RoundtableMeeting, UUID> {
  List<RoundtableMeeting> findByCaseIdOrderByScheduledAtAsc(UUID caseId);

  Optional<RoundtableMeeting> findByJourneyKey(String journeyKey);
}
