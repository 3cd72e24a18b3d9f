package io.caseway.app.placement;

import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.shared.JobIds;
import io.caseway.app.shared.Problems.ProblemException;
import io.caseway.workers.EmployerPlacements;
import io.caseway.workers.FlexJobs;
import io.caseway.workers.InvalidReferralException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Placements as the flex-job journeys run them: the grant, the vacancies to choose from, the
 * placement started with the employer, its 13- and 26-week checks, and the development placement
 * ended when the clarification ends. A refusal of the placement rules is a business failure.
 */
@Service
@Transactional
class JourneyPlacements implements EmployerPlacements, FlexJobs {
  private final Placements placements;
  private final PlacementRepository placementRepository;
  private final VacancyRepository vacancies;
  private final EmployerRepository employers;
  private final FlexJobGrantRepository grants;
  private final CaseFiles cases;
  private final Clock clock;

  JourneyPlacements(Placements placements, PlacementRepository placementRepository, VacancyRepository vacancies,
      EmployerRepository employers, FlexJobGrantRepository grants, CaseFiles cases, Clock clock) {
    this.placements = placements;
    this.placementRepository = placementRepository;
    this.vacancies = vacancies;
    this.employers = employers;
    this.grants = grants;
    this.cases = cases;
    this.clock = clock;
  }

  @Override
  public LocalDate grant(String caseId, long journeyKey) {
    UUID theCase = cases.forJob(caseId).caseId();
    return grants.findByJourneyKey(journeyKey)
        .orElseGet(() -> grants.saveAndFlush(new FlexJobGrant(theCase, journeyKey, today(), clock.instant())))
        .grantedOn();
  }

  @Override
  @Transactional(readOnly = true)
  public List<VacancyOption> openVacancies(String caseId) {
    cases.forJob(caseId);
    List<Vacancy> open = vacancies.findByOpenTrueAndFlexJobPossibleTrue();
    Map<UUID, String> employerNames = employers.findAllById(open.stream().map(Vacancy::employerId).toList()).stream()
        .collect(Collectors.toMap(Employer::id, Employer::name));
    return open.stream()
        .map(v -> new VacancyOption(v.title() + ", " + employerNames.get(v.employerId()) + " (up to "
            + v.hoursPerWeek().stripTrailingZeros().toPlainString() + " hours a week)", v.id().toString()))
        .sorted(java.util.Comparator.comparing(VacancyOption::label))
        .toList();
  }

  @Override
  public LocalDate start(String caseId, Kind kind, String vacancyId, String employerId, BigDecimal weeklyHours,
      long startKey) {
    UUID theCase = cases.forJob(caseId).caseId();
    if (weeklyHours == null) {
      throw new InvalidReferralException("The hours a week are missing (weeklyHours)");
    }
    try {
      Placement p = switch (kind) {
        case FLEX_JOB -> {
          UUID vacancy = JobIds.parse(vacancyId, "a vacancy id");
          UUID employer = vacancies.findById(vacancy).map(Vacancy::employerId)
              .orElseThrow(() -> new InvalidReferralException("No vacancy with id '" + vacancyId + "'"));
          yield placements.startForJob(theCase, employer, vacancy, Placement.Kind.FLEX_JOB, weeklyHours, startKey);
        }
        case DEVELOPMENT_FLEX_JOB -> placements.startForJob(theCase, JobIds.parse(employerId, "an employer id"), null,
            Placement.Kind.DEVELOPMENT_FLEX_JOB, weeklyHours, startKey);
      };
      return p.startedOn();
    } catch (ProblemException e) {
      throw new InvalidReferralException(e.getMessage());
    }
  }

  @Override
  public boolean recordSustainment(String caseId, int weeks) {
    UUID theCase = cases.forJob(caseId).caseId();
    Placement flexJob = placementRepository.findByCaseIdOrderByStartedOnDesc(theCase).stream()
        .filter(p -> p.kind() == Placement.Kind.FLEX_JOB)
        .findFirst()
        .orElseThrow(() -> new InvalidReferralException("Case " + caseId + " has no flex job to check"));
    return placements.recordMilestone(flexJob, weeks);
  }

  @Override
  public void end(String caseId, Kind kind) {
    UUID theCase = cases.forJob(caseId).caseId();
    Placement.Kind ending = switch (kind) {
      case FLEX_JOB -> Placement.Kind.FLEX_JOB;
      case DEVELOPMENT_FLEX_JOB -> Placement.Kind.DEVELOPMENT_FLEX_JOB;
    };
    placementRepository.findByCaseIdOrderByStartedOnDesc(theCase).stream()
        .filter(p -> p.kind() == ending && p.endedOn().isEmpty())
        .forEach(p -> placements.endForJob(p, ending == Placement.Kind.DEVELOPMENT_FLEX_JOB
            ? "The clarification ended" : "Ended by the journey"));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
