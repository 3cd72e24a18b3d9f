package io.caseway.app.casefile;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseAccessGrantRepository extends JpaRepository<CaseAccessGrant, CaseAccessGrant.Id> {
  /** The cases shared with someone. */
  @org.springframework.data.jpa.repository.Query("select g.id.caseId from CaseAccessGrant g where g.id.username = :username")
  java.util.List<java.util.UUID> caseIdsSharedWith(String username);
}
