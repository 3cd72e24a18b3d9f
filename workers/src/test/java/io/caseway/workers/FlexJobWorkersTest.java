package io.caseway.workers;

import static io.caseway.workers.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import io.caseway.workers.FlexJobs.VacancyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** grant-flex-job and match-vacancies (flex-job-placement). */
class FlexJobWorkersTest {
  private final Map<Long, LocalDate> grants = new ConcurrentHashMap<>();
  private final LocalDate[] today = {LocalDate.parse("2027-01-04")};
  private final FlexJobs flexJobs = new FlexJobs() {
    @Override
    public LocalDate grant(String caseId, long journeyKey) {
      if (caseId.equals("case-9")) {
        throw new InvalidReferralException("No case with id 'case-9'");
      }
      return grants.computeIfAbsent(journeyKey, key -> today[0]);
    }

    @Override
    public List<VacancyOption> openVacancies(String caseId) {
      if (caseId.equals("case-9")) {
        throw new InvalidReferralException("No case with id 'case-9'");
      }
      return List.of(new VacancyOption("Bakery assistant, Bageriet (10 h/week)", "vacancy-1"));
    }
  };

  @Test
  void theGrantDateIsTheFirstOneRecordedForTheJourneyAsAnIsoDate() {
    var worker = new GrantFlexJobWorker(flexJobs);

    var first = worker.grantFlexJob(job(1, 100), new GrantFlexJobWorker.Input("case-1"));
    today[0] = LocalDate.parse("2027-01-05");
    var again = worker.grantFlexJob(job(2, 100), new GrantFlexJobWorker.Input("case-1"));
    var otherJourney = worker.grantFlexJob(job(3, 200), new GrantFlexJobWorker.Input("case-1"));

    assertThat(first.flexJobGrantDate()).isEqualTo("2027-01-04");
    assertThat(again).isEqualTo(first);
    assertThat(otherJourney.flexJobGrantDate()).isEqualTo("2027-01-05");
  }

  @Test
  void theOpenFlexJobVacanciesAreTheFormsChoicesAndAnUnknownCaseIsCaseNotFound() {
    var worker = new MatchVacanciesWorker(flexJobs);

    assertThat(worker.matchVacancies(new MatchVacanciesWorker.Input("case-1")).vacancies())
        .containsExactly(new VacancyOption("Bakery assistant, Bageriet (10 h/week)", "vacancy-1"));
    assertThatThrownBy(() -> worker.matchVacancies(new MatchVacanciesWorker.Input("case-9")))
        .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo("CASE_NOT_FOUND"));
    assertThatThrownBy(() -> new GrantFlexJobWorker(flexJobs).grantFlexJob(job(4, 300),
        new GrantFlexJobWorker.Input("case-9")))
        .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo("CASE_NOT_FOUND"));
  }
}
