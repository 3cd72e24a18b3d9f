package io.caseway.app.casefile;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseAccessGrantRepository extends JpaRepository<CaseAccessGrant, CaseAccessGrant.Id> {}
