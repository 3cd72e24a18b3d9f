package io.caseway.app.caseload;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface WaitingListRepository extends JpaRepository<WaitingListEntry, UUID> {
  List<WaitingListEntry> findAllByOrderByWaitingSinceAsc();

  java.util.Optional<WaitingListEntry> findFirstByTrackOrderByWaitingSinceAsc(io.caseway.app.casefile.Track track);

  List<WaitingListEntry> findByTrackOrderByWaitingSinceAsc(io.caseway.app.casefile.Track track,
      org.springframework.data.domain.Limit limit);
}
