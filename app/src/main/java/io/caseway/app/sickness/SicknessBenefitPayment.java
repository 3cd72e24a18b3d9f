package io.caseway.app.sickness;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A period sickness benefit was paid for a case, both days included, by the employer or the municipality. */
@Entity
@Table(name = "sickness_benefit_payment")
public class SicknessBenefitPayment {
  public enum PaidBy {
    EMPLOYER,
    MUNICIPALITY
  }

  @Id private UUID id;
  @Column(name = "case_id") private UUID caseId;
  @Column(name = "paid_from") private LocalDate paidFrom;
  @Column(name = "paid_to") private LocalDate paidTo;
  @Enumerated(EnumType.STRING) @Column(name = "paid_by") private PaidBy paidBy;
  @Column(name = "recorded_at") private Instant recordedAt;

  protected SicknessBenefitPayment() {}

  SicknessBenefitPayment(UUID caseId, LocalDate paidFrom, LocalDate paidTo, PaidBy paidBy, Instant recordedAt) {
    if (paidTo.isBefore(paidFrom)) {
      throw new IllegalArgumentException("A payment period cannot end (" + paidTo + ") before it starts (" + paidFrom
          + ")");
    }
    this.id = UUID.randomUUID();
    this.caseId = caseId;
    this.paidFrom = paidFrom;
    this.paidTo = paidTo;
    this.paidBy = paidBy;
    this.recordedAt = recordedAt;
  }

  public UUID id() {
    return id;
  }

  public LocalDate paidFrom() {
    return paidFrom;
  }

  public LocalDate paidTo() {
    return paidTo;
  }

  public PaidBy paidBy() {
    return paidBy;
  }
}
