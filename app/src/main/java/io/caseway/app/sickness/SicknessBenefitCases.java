package io.caseway.app.sickness;

import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.casefile.CaseView;
import io.caseway.app.notification.Notification;
import io.caseway.app.notification.Notifications;
import io.caseway.app.shared.Problems.ProblemException;
import io.caseway.workers.SicknessBenefits;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sickness benefit paid for a case (recorded period by period), which the early effort's
 * re-assessment counts, and the retention contact with the employer put on the coach's list.
 */
@Service
@Transactional
public class SicknessBenefitCases implements SicknessBenefits {
  private final SicknessBenefitPaymentRepository payments;
  private final CaseFiles cases;
  private final Notifications notifications;
  private final Clock clock;

  SicknessBenefitCases(SicknessBenefitPaymentRepository payments, CaseFiles cases, Notifications notifications,
      Clock clock) {
    this.payments = payments;
    this.cases = cases;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** Records a period paid; the same period again is the one already recorded. */
  public SicknessBenefitPayment record(UUID caseId, LocalDate from, LocalDate to, SicknessBenefitPayment.PaidBy paidBy) {
    cases.get(caseId);
    return payments.findByCaseIdAndPaidFromAndPaidTo(caseId, from, to).orElseGet(() -> {
      try {
        return payments.saveAndFlush(new SicknessBenefitPayment(caseId, from, to, paidBy, clock.instant()));
      } catch (IllegalArgumentException e) {
        throw new ProblemException(HttpStatus.BAD_REQUEST, e.getMessage());
      }
    });
  }

  @Transactional(readOnly = true)
  public List<SicknessBenefitPayment> ofCase(UUID caseId) {
    cases.get(caseId);
    return payments.findByCaseIdOrderByPaidFromAsc(caseId);
  }

  @Override
  @Transactional(readOnly = true)
  public List<PaidPeriod> paymentHistory(String caseId) {
    return payments.findByCaseIdOrderByPaidFromAsc(cases.forJob(caseId).caseId()).stream()
        .map(p -> new PaidPeriod(p.paidFrom().toString(), p.paidTo().toString()))
        .toList();
  }

  @Override
  public void contactEmployer(String caseId) {
    CaseView c = cases.forJob(caseId);
    notifications.toCoach(c, Notification.Kind.EMPLOYER_CONTACT, "retention-contact",
        "Please contact the citizen's employer about keeping the job: which hours, tasks or adjustments would let"
            + " the citizen stay in or return to work, as agreed in the first conversation.");
  }
}
