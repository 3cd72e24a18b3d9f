package io.caseway.app.review;

import io.caseway.app.shared.Problems.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** When a case's next annual review is due. */
@RestController
class AnnualReviewController {
  record AnnualReviewView(UUID caseId, LocalDate lastAssessmentDate, String reviewInterval, LocalDate dueOn,
      boolean journeyStarted, Instant recordedAt) {}

  private final AnnualReviewRepository reviews;
  private final io.caseway.app.casefile.CaseAccess access;

  AnnualReviewController(AnnualReviewRepository reviews, io.caseway.app.casefile.CaseAccess access) {
    this.reviews = reviews;
    this.access = access;
  }

  @GetMapping("/api/cases/{caseId}/annual-review")
  AnnualReviewView get(@PathVariable UUID caseId) {
    access.require(caseId, io.caseway.app.casefile.CaseAccess.Need.READ, io.caseway.app.audit.AuditLog.Action.READ,
        "annual-review", caseId, io.caseway.app.security.Purpose.or("see when the annual review is due"));
    AnnualReview r = reviews.findById(caseId)
        .orElseThrow(() -> ProblemException.notFound("No annual review is due for case " + caseId));
    return new AnnualReviewView(r.caseId(), r.lastAssessmentDate(), r.reviewInterval(), r.dueOn(),
        r.processInstanceKey().isPresent(), r.recordedAt());
  }
}
