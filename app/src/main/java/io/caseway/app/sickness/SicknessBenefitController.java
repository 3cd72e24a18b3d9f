package io.caseway.app.sickness;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The sickness benefit paid for a case, period by period (both days paid). */
@RestController
class SicknessBenefitController {
  record PaymentRequest(@NotNull LocalDate from, @NotNull LocalDate to, @NotNull SicknessBenefitPayment.PaidBy paidBy) {}

  record PaymentView(UUID paymentId, LocalDate from, LocalDate to, SicknessBenefitPayment.PaidBy paidBy) {
    static PaymentView of(SicknessBenefitPayment p) {
      return new PaymentView(p.id(), p.paidFrom(), p.paidTo(), p.paidBy());
    }
  }

  private final SicknessBenefitCases sicknessBenefits;
  private final io.caseway.app.casefile.CaseAccess access;

  SicknessBenefitController(SicknessBenefitCases sicknessBenefits, io.caseway.app.casefile.CaseAccess access) {
    this.sicknessBenefits = sicknessBenefits;
    this.access = access;
  }

  @PostMapping("/api/cases/{caseId}/sickness-benefit-payments")
  ResponseEntity<PaymentView> record(@PathVariable UUID caseId, @Valid @RequestBody PaymentRequest r) {
    access.require(caseId, io.caseway.app.casefile.CaseAccess.Need.CHANGE, io.caseway.app.audit.AuditLog.Action.WRITE, "sickness-benefit-payment", caseId, io.caseway.app.security.Purpose.or("record a payment period"));
    SicknessBenefitPayment p = sicknessBenefits.record(caseId, r.from(), r.to(), r.paidBy());
    return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/sickness-benefit-payments"))
        .body(PaymentView.of(p));
  }

  @GetMapping("/api/cases/{caseId}/sickness-benefit-payments")
  List<PaymentView> ofCase(@PathVariable UUID caseId) {
    // being on sickness benefit says something about health: not for managers
    access.require(caseId, io.caseway.app.casefile.CaseAccess.Need.HEALTH, io.caseway.app.audit.AuditLog.Action.READ, "sickness-benefit-payment", caseId, io.caseway.app.security.Purpose.or("read the payment history"));
    return sicknessBenefits.ofCase(caseId).stream().map(PaymentView::of).toList();
  }
}
