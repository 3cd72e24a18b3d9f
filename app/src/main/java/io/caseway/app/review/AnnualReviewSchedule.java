package io.caseway.app.review;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.casefile.CaseView;
import io.caseway.app.notification.Notification;
import io.caseway.app.notification.Notifications;
import io.caseway.app.policy.Policy;
import io.caseway.workers.AnnualReviews;
import io.caseway.workers.PlanReviews;
import io.grpc.Status;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records that a case's plan is reviewed every year (policy {@code review.interval}, counted from the
 * day the plan was agreed), tells the coach when the review is due, and starts the
 * {@code annual-review} journey with {@code caseId}, {@code lastAssessmentDate} and
 * {@code reviewInterval} where it is deployed. Where it is not (yet), the record stands and the
 * journey is not started (a repeated job for the case tries again).
 */
@Service
class AnnualReviewSchedule implements AnnualReviews, PlanReviews {
  static final String PROCESS_ID = "annual-review";
  private static final Logger LOG = LoggerFactory.getLogger(AnnualReviewSchedule.class);

  private final AnnualReviewRepository reviews;
  private final CaseFiles cases;
  private final Policy policy;
  private final Notifications notifications;
  private final CamundaClient camunda;
  private final TransactionTemplate transaction;
  private final Clock clock;

  AnnualReviewSchedule(AnnualReviewRepository reviews, CaseFiles cases, Policy policy, Notifications notifications,
      CamundaClient camunda, TransactionTemplate transaction, Clock clock) {
    this.reviews = reviews;
    this.cases = cases;
    this.policy = policy;
    this.notifications = notifications;
    this.camunda = camunda;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Idempotent: a case keeps its first due date and gets one notice and at most one journey. */
  @Override
  public LocalDate schedule(String caseId) {
    CaseView c = cases.forJob(caseId);
    AnnualReview review = transaction.execute(status -> record(c));
    if (review.processInstanceKey().isEmpty()) {
      start(review).ifPresent(key -> transaction.executeWithoutResult(status ->
          reviews.findById(c.caseId()).orElseThrow().startedAs(key)));
    }
    return review.dueOn();
  }

  /** For the annual-review journey's update-plan job: the review held becomes the last assessment. */
  @Override
  public void recordReview(String caseId, LocalDate reviewDate, String reviewOutcome, String planUpdate) {
    CaseView c = cases.forJob(caseId);
    transaction.executeWithoutResult(status -> {
      AnnualReview review = record(c);
      review.reviewed(reviewDate, reviewOutcome);
      reviews.flush();
    });
  }

  private AnnualReview record(CaseView c) {
    return reviews.findById(c.caseId()).orElseGet(() -> {
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      AnnualReview review = reviews.saveAndFlush(new AnnualReview(c.caseId(), today,
          policy.value(c.ruleSet(), "review.interval", today).strip(), clock.instant()));
      notifications.toCoach(c, Notification.Kind.ANNUAL_REVIEW_DUE, "annual-review:" + review.dueOn(),
          "The plan for this case is reviewed every year until the citizen has lasting work, a flex job or a"
              + " pension. The next review is due by " + Notifications.date(review.dueOn()) + ".");
      return review;
    });
  }

  /** The journey's instance key, or empty when no annual-review process is deployed yet. */
  private Optional<Long> start(AnnualReview review) {
    UUID caseId = review.caseId();
    try {
      long key = camunda.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
          .variables(Map.of("caseId", caseId.toString(), "lastAssessmentDate", review.lastAssessmentDate().toString(),
              "reviewInterval", review.reviewInterval()))
          .send().join().getProcessInstanceKey();
      return Optional.of(key);
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
    } catch (ProblemException e) {
      if (e.code() != 404) {
        throw e;
      }
    }
    LOG.info("No {} process is deployed yet; the annual review of case {} is recorded as due on {}", PROCESS_ID,
        caseId, review.dueOn());
    return Optional.empty();
  }
}
