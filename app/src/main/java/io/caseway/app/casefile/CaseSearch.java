package io.caseway.app.casefile;

import jakarta.persistence.criteria.Predicate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;

/**
 * What a coach or manager filters cases by; every field is optional. Built as a criteria query per
 * combination, so PostgreSQL plans each with the index that fits it.
 */
public record CaseSearch(UUID caseworkerId, CaseStatus status, Track track, UUID citizenId,
    LocalDate clarificationDeadlineBefore) {

  Specification<CaseFile> specification() {
    // a Specification only for its predicate; CaseFiles.search builds the query itself
    return (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (caseworkerId != null) {
        where.add(cb.equal(root.get("caseworkerId"), caseworkerId));
      }
      if (status != null) {
        where.add(cb.equal(root.get("status"), status));
      }
      if (track != null) {
        where.add(cb.equal(root.get("track"), track));
      }
      if (citizenId != null) {
        where.add(cb.equal(root.get("citizenId"), citizenId));
      }
      if (clarificationDeadlineBefore != null) {
        where.add(cb.lessThan(root.get("clarificationDeadline"), clarificationDeadlineBefore));
        where.add(cb.notEqual(root.get("status"), CaseStatus.CLOSED));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }
}
