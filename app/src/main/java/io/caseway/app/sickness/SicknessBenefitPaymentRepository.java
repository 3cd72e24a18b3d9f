package io.caseway.app.sickness;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SicknessBenefitPaymentRepository extends JpaRepository<SicknessBenefitPayment, UUID> {
  List<SicknessBenefitPayment> findByCaseIdOrderByPaidFromAsc(UUID caseId);

  Optional<SicknessBenefitPayment> findByCaseIdAndPaidFromAndPaidTo(UUID caseId, LocalDate paidFrom, LocalDate paidTo);
}
