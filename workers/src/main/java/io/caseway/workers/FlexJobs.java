package io.caseway.workers;

import java.time.LocalDate;
import java.util.List;

/** Flex jobs for the flex-job-placement journey: the grant, and the open vacancies that can be one. */
public interface FlexJobs {
  /** A vacancy as the hours form lists it. */
  record VacancyOption(String label, String value) {}

  /**
   * Records the grant on the case; idempotent per journey instance (a repeated job keeps the first date).
   *
   * @return the grant date, from which its follow-ups, status and end are counted
   * @throws InvalidReferralException if the case does not exist
   */
  LocalDate grant(String caseId, long journeyKey);

  /**
   * The open vacancies that can be a flex job, for the citizen to choose from.
   *
   * @throws InvalidReferralException if the case does not exist
   */
  List<VacancyOption> openVacancies(String caseId);
}
