package io.caseway.workers;

import static io.caseway.workers.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.BpmnError;
import io.caseway.workers.EmployerPlacements.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** start-employer-placement, record-sustainment and end-placement (flex-job-placement, development-flex-job). */
class EmployerPlacementWorkersTest {
  private final Map<Long, String> started = new ConcurrentHashMap<>();
  private final List<String> calls = new ArrayList<>();
  private final EmployerPlacements placements = new EmployerPlacements() {
    @Override
    public LocalDate start(String caseId, Kind kind, String vacancyId, String employerId, BigDecimal weeklyHours,
        long startKey) {
      if (weeklyHours == null || weeklyHours.signum() <= 0) {
        throw new InvalidReferralException("A placement needs some hours a week");
      }
      started.putIfAbsent(startKey, caseId + "/" + kind + "/" + vacancyId + "/" + employerId + "/" + weeklyHours);
      return LocalDate.parse("2027-01-04");
    }

    @Override
    public boolean recordSustainment(String caseId, int weeks) {
      calls.add("sustained?" + caseId + "/" + weeks);
      if (caseId.equals("case-9")) {
        throw new InvalidReferralException("Case case-9 has no flex job");
      }
      return weeks == 13;
    }

    @Override
    public void end(String caseId, Kind kind) {
      calls.add("end " + caseId + "/" + kind);
    }
  };

  @Test
  void aFlexJobStartsInItsVacancyAndADevelopmentFlexJobWithItsEmployerOncePerJob() {
    var worker = new StartEmployerPlacementWorker(placements);

    var flexJob = worker.startEmployerPlacement(job(1, 100), new StartEmployerPlacementWorker.Input("case-1",
        "flex-job", "vacancy-1", null, new BigDecimal("2")));
    worker.startEmployerPlacement(job(1, 100), new StartEmployerPlacementWorker.Input("case-1", "flex-job",
        "vacancy-1", null, new BigDecimal("2")));
    worker.startEmployerPlacement(job(2, 200), new StartEmployerPlacementWorker.Input("case-1",
        "development-flex-job", null, "employer-1", new BigDecimal("3")));

    assertThat(flexJob.placementStartDate()).isEqualTo("2027-01-04");
    assertThat(started).containsOnly(Map.entry(1L, "case-1/FLEX_JOB/vacancy-1/null/2"),
        Map.entry(2L, "case-1/DEVELOPMENT_FLEX_JOB/null/employer-1/3"));
  }

  @Test
  void anUnknownKindOrNoHoursIsTheBpmnErrorPlacementNotStarted() {
    var worker = new StartEmployerPlacementWorker(placements);

    assertThatThrownBy(() -> worker.startEmployerPlacement(job(1, 100), new StartEmployerPlacementWorker.Input(
        "case-1", "retraining", null, "employer-1", BigDecimal.ONE)))
        .isInstanceOfSatisfying(BpmnError.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo("PLACEMENT_NOT_STARTED");
          assertThat(e.getErrorMessage()).contains("'retraining'");
        });
    assertThatThrownBy(() -> worker.startEmployerPlacement(job(2, 100), new StartEmployerPlacementWorker.Input(
        "case-1", "flex-job", "vacancy-1", null, BigDecimal.ZERO)))
        .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorMessage()).contains("hours"));
    assertThat(started).isEmpty();
  }

  @Test
  void sustainmentIsAskedAtThirteenAndTwentySixWeeksOnly() {
    var worker = new RecordSustainmentWorker(placements);

    assertThat(worker.recordSustainment(new RecordSustainmentWorker.Input("case-1", "13-weeks")).jobSustained())
        .isTrue();
    assertThat(worker.recordSustainment(new RecordSustainmentWorker.Input("case-1", "26-weeks")).jobSustained())
        .isFalse();
    assertThatThrownBy(() -> worker.recordSustainment(new RecordSustainmentWorker.Input("case-1", "52-weeks")))
        .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorCode())
            .isEqualTo("SUSTAINMENT_NOT_RECORDED"));
    assertThatThrownBy(() -> worker.recordSustainment(new RecordSustainmentWorker.Input("case-9", "13-weeks")))
        .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorMessage()).contains("no flex job"));
    assertThat(calls).containsExactly("sustained?case-1/13", "sustained?case-1/26", "sustained?case-9/13");
  }

  @Test
  void theDevelopmentPlacementEndsByItsKind() {
    var worker = new EndPlacementWorker(placements);

    worker.endPlacement(new EndPlacementWorker.Input("case-1", "development-flex-job"));
    assertThatThrownBy(() -> worker.endPlacement(new EndPlacementWorker.Input("case-1", null)))
        .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo("PLACEMENT_NOT_ENDED"));

    assertThat(calls).containsExactly("end case-1/DEVELOPMENT_FLEX_JOB");
  }
}
