package io.caseway.workers;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers Caseway's job workers in any Spring Boot application that has this jar and the
 * {@code camunda-spring-boot-starter}; the starter subscribes them. A worker is registered when
 * the service it adapts is there: the application (Caseway's app) provides them. Only the
 * referral acknowledgement has an in-memory default. Do not also annotate a worker class with
 * {@code @Component}, or a component scan would register a second worker for the same job type.
 */
@AutoConfiguration
public class WorkersAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(ReferralAcknowledgement.class)
  InMemoryReferralAcknowledgement referralAcknowledgement(ObjectProvider<Clock> clock) {
    return new InMemoryReferralAcknowledgement(clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  AcknowledgeReferralWorker acknowledgeReferralWorker(ReferralAcknowledgement acknowledgement) {
    return new AcknowledgeReferralWorker(acknowledgement);
  }

  @Bean
  @ConditionalOnBean(CaseOpening.class)
  OpenCaseWorker openCaseWorker(CaseOpening opening) {
    return new OpenCaseWorker(opening);
  }

  @Bean
  @ConditionalOnBean(CoachCandidates.class)
  AssignCoachWorker assignCoachWorker(CoachCandidates candidates) {
    return new AssignCoachWorker(candidates);
  }

  @Bean
  @ConditionalOnBean(CoachPlaces.class)
  RecordCoachAssignmentWorker recordCoachAssignmentWorker(CoachPlaces places) {
    return new RecordCoachAssignmentWorker(places);
  }

  @Bean
  @ConditionalOnBean(WaitingList.class)
  PlaceOnWaitingListWorker placeOnWaitingListWorker(WaitingList waitingList) {
    return new PlaceOnWaitingListWorker(waitingList);
  }

  @Bean
  @ConditionalOnBean(ConsentRegister.class)
  CheckConsentWorker checkConsentWorker(ConsentRegister register) {
    return new CheckConsentWorker(register);
  }

  @Bean
  @ConditionalOnBean(ConsentRefusalExplanation.class)
  ExplainConsentRefusalWorker explainConsentRefusalWorker(ConsentRefusalExplanation explanation) {
    return new ExplainConsentRefusalWorker(explanation);
  }

  @Bean
  @ConditionalOnBean(RoundtableReminders.class)
  SendMeetingReminderWorker sendMeetingReminderWorker(RoundtableReminders reminders) {
    return new SendMeetingReminderWorker(reminders);
  }

  @Bean
  @ConditionalOnBean(OverdueRoundtables.class)
  ReportOverdueRoundtableWorker reportOverdueRoundtableWorker(OverdueRoundtables overdue) {
    return new ReportOverdueRoundtableWorker(overdue);
  }

  @Bean
  @ConditionalOnBean(RoundtableOutcomes.class)
  RecordRoundtableOutcomeWorker recordRoundtableOutcomeWorker(RoundtableOutcomes outcomes) {
    return new RecordRoundtableOutcomeWorker(outcomes);
  }

  @Bean
  @ConditionalOnBean(ClarificationWarnings.class)
  SendClarificationWarningWorker sendClarificationWarningWorker(ClarificationWarnings warnings) {
    return new SendClarificationWarningWorker(warnings);
  }

  @Bean
  @ConditionalOnBean(PlanChoices.class)
  StartJobDirectedEffortWorker startJobDirectedEffortWorker(PlanChoices plans) {
    return new StartJobDirectedEffortWorker(plans);
  }

  @Bean
  @ConditionalOnBean(PlanChoices.class)
  StartPlacementWorker startPlacementWorker(PlanChoices plans) {
    return new StartPlacementWorker(plans);
  }

  @Bean
  @ConditionalOnBean(PlanChoices.class)
  ReferEarlyRetirementPensionWorker referEarlyRetirementPensionWorker(PlanChoices plans) {
    return new ReferEarlyRetirementPensionWorker(plans);
  }

  @Bean
  @ConditionalOnBean(AnnualReviews.class)
  StartAnnualReviewWorker startAnnualReviewWorker(AnnualReviews reviews) {
    return new StartAnnualReviewWorker(reviews);
  }

  @Bean
  @ConditionalOnBean(PlanReviews.class)
  UpdatePlanWorker updatePlanWorker(PlanReviews reviews) {
    return new UpdatePlanWorker(reviews);
  }

  @Bean
  @ConditionalOnBean(OutcomeRecords.class)
  RecordOutcomeWorker recordOutcomeWorker(OutcomeRecords outcomes) {
    return new RecordOutcomeWorker(outcomes);
  }

  @Bean
  @ConditionalOnBean(FlexJobs.class)
  GrantFlexJobWorker grantFlexJobWorker(FlexJobs flexJobs) {
    return new GrantFlexJobWorker(flexJobs);
  }

  @Bean
  @ConditionalOnBean(FlexJobs.class)
  MatchVacanciesWorker matchVacanciesWorker(FlexJobs flexJobs) {
    return new MatchVacanciesWorker(flexJobs);
  }

  @Bean
  @ConditionalOnBean(EmployerPlacements.class)
  StartEmployerPlacementWorker startEmployerPlacementWorker(EmployerPlacements placements) {
    return new StartEmployerPlacementWorker(placements);
  }

  @Bean
  @ConditionalOnBean(EmployerPlacements.class)
  RecordSustainmentWorker recordSustainmentWorker(EmployerPlacements placements) {
    return new RecordSustainmentWorker(placements);
  }

  @Bean
  @ConditionalOnBean(EmployerPlacements.class)
  EndPlacementWorker endPlacementWorker(EmployerPlacements placements) {
    return new EndPlacementWorker(placements);
  }

  @Bean
  @ConditionalOnBean(TryWork.class)
  SuspendReassessmentWorker suspendReassessmentWorker(TryWork tryWork) {
    return new SuspendReassessmentWorker(tryWork);
  }

  @Bean
  @ConditionalOnBean(TryWork.class)
  ResumeCaseWorker resumeCaseWorker(TryWork tryWork) {
    return new ResumeCaseWorker(tryWork);
  }

  @Bean
  @ConditionalOnBean(TryWork.class)
  CloseCaseWorker closeCaseWorker(TryWork tryWork) {
    return new CloseCaseWorker(tryWork);
  }

  @Bean
  @ConditionalOnBean(SicknessBenefits.class)
  ContactEmployerWorker contactEmployerWorker(SicknessBenefits sicknessBenefits) {
    return new ContactEmployerWorker(sicknessBenefits);
  }

  @Bean
  @ConditionalOnBean(SicknessBenefits.class)
  FetchPaymentHistoryWorker fetchPaymentHistoryWorker(SicknessBenefits sicknessBenefits) {
    return new FetchPaymentHistoryWorker(sicknessBenefits);
  }
}
