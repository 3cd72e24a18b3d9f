package io.caseway.app.placement;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface EmployerRepository extends JpaRepository<Employer, UUID> {}
