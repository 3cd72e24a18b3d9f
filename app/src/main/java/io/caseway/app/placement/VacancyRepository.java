package io.caseway.app.placement;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface VacancyRepository extends JpaRepository<Vacancy, UUID> {
  List<Vacancy> findByOpenTrueAndFlexJobPossibleTrue();

  List<Vacancy> findByEmployerId(UUID employerId);
}
