package io.caseway.app.caseload;

import io.caseway.app.casefile.Track;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CaseloadRepository extends JpaRepository<Caseload, Caseload.Id> {

  /** Caseworkers with room on this track, the least loaded (relative to their cap) first. */
  @Query("""
      select l.id.caseworkerId from Caseload l, Caseworker w
      where w.id = l.id.caseworkerId and w.active = true and l.id.track = :track and l.activeCount < l.cap
        and (:socialWork = false or w.socialWorkQualified = true)
      order by (1.0 * l.activeCount / l.cap), l.id.caseworkerId""")
  List<UUID> candidates(Track track, boolean socialWork);

  /**
   * The caseloads on this track of active caseworkers with the qualification the track needs, the
   * least loaded (relative to their cap) first, full ones included: whether a full one may still take
   * a case is the intake's caseload-cap decision, not this query's.
   */
  @Query("""
      select l from Caseload l, Caseworker w
      where w.id = l.id.caseworkerId and w.active = true and l.id.track = :track
        and (:socialWork = false or w.socialWorkQualified = true)
      order by (1.0 * l.activeCount / l.cap), l.id.caseworkerId""")
  List<Caseload> leastLoaded(Track track, boolean socialWork, org.springframework.data.domain.Limit limit);

  /** Takes one place if there is one; 1 if taken, 0 if the cap was reached meanwhile. */
  @Modifying(flushAutomatically = true)
  @Query("update Caseload l set l.activeCount = l.activeCount + 1 "
      + "where l.id.caseworkerId = :caseworker and l.id.track = :track and l.activeCount < l.cap")
  int takePlace(UUID caseworker, Track track);

  @Modifying(flushAutomatically = true)
  @Query("update Caseload l set l.activeCount = l.activeCount - 1 "
      + "where l.id.caseworkerId = :caseworker and l.id.track = :track and l.activeCount > 0")
  int freePlace(UUID caseworker, Track track);

  List<Caseload> findByIdCaseworkerId(UUID caseworkerId);
}
