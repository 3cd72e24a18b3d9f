package io.caseway.app.placement;

import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.shared.ETags;
import io.caseway.app.shared.Problems.ProblemException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Employers, vacancies, and placements with their follow-up checks. */
@Service
@Transactional
public class Placements {
  private final EmployerRepository employers;
  private final VacancyRepository vacancies;
  private final PlacementRepository placements;
  private final CaseFiles cases;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Placements(EmployerRepository employers, VacancyRepository vacancies, PlacementRepository placements,
      CaseFiles cases, ApplicationEventPublisher events, Clock clock) {
    this.employers = employers;
    this.vacancies = vacancies;
    this.placements = placements;
    this.cases = cases;
    this.events = events;
    this.clock = clock;
  }

  public Employer registerEmployer(String name, String registrationNumber, String district, String contact) {
    return employers.save(new Employer(name, registrationNumber, district, contact, clock.instant()));
  }

  public Vacancy openVacancy(UUID employerId, String title, BigDecimal hoursPerWeek, boolean flexJobPossible) {
    employer(employerId);
    return vacancies.save(new Vacancy(employerId, title, hoursPerWeek, flexJobPossible, clock.instant()));
  }

  @Transactional(readOnly = true)
  public List<Vacancy> openFlexJobVacancies() {
    return vacancies.findByOpenTrueAndFlexJobPossibleTrue();
  }

  /** Starts a placement; a vacancy it fills closes. */
  public Placement start(UUID caseId, UUID employerId, UUID vacancyId, Placement.Kind kind, BigDecimal hoursPerWeek,
      LocalDate startedOn) {
    return start(caseId, employerId, vacancyId, kind, hoursPerWeek, startedOn, null);
  }

  /** Starts a placement for a journey's job, once per job: the same job finds the placement it started. */
  Placement startForJob(UUID caseId, UUID employerId, UUID vacancyId, Placement.Kind kind, BigDecimal hoursPerWeek,
      long jobKey) {
    return placements.findByStartKey(jobKey).orElseGet(() -> start(caseId, employerId, vacancyId, kind,
        hoursPerWeek, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), jobKey));
  }

  /**
   * Records whether the placement is still going at {@code weeks}, as of the day the check fell due
   * (the journey's timer says it is due); a check already recorded keeps its answer.
   */
  boolean recordMilestone(Placement p, int weeks) {
    Optional<Boolean> recorded = weeks == 13 ? p.sustained13Weeks() : p.sustained26Weeks();
    if (recorded.isPresent()) {
      return recorded.get();
    }
    LocalDate due = p.checkDue(weeks);
    boolean sustained = p.goingOn(due);
    p.recordCheck(weeks, sustained, due);
    placements.flush();
    events.publishEvent(new PlacementEvents.CheckRecorded(p.id(), p.caseId(), weeks, sustained, due));
    return sustained;
  }

  /** Ends a placement a journey ends, today. */
  void endForJob(Placement p, String reason) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    p.end(today.isBefore(p.startedOn()) ? p.startedOn() : today, reason);
    placements.flush();
    events.publishEvent(new PlacementEvents.Ended(p.id(), p.caseId(), p.kind(), p.endedOn().orElseThrow()));
  }

  private Placement start(UUID caseId, UUID employerId, UUID vacancyId, Placement.Kind kind,
      BigDecimal hoursPerWeek, LocalDate startedOn, Long jobKey) {
    cases.get(caseId);
    employer(employerId);
    if (vacancyId != null) {
      Vacancy v = vacancies.findById(vacancyId)
          .filter(x -> x.employerId().equals(employerId))
          .orElseThrow(() -> ProblemException.invalid("vacancyId", "the employer has no vacancy " + vacancyId));
      if (!v.open()) {
        throw ProblemException.conflict("The vacancy " + vacancyId + " is already filled");
      }
      if (kind != Placement.Kind.ORDINARY && !v.flexJobPossible()) {
        throw ProblemException.invalid("kind", "the vacancy " + vacancyId + " cannot be a flex job");
      }
      v.fill();
    }
    Placement p;
    try {
      Placement started = new Placement(caseId, employerId, vacancyId, kind, hoursPerWeek, startedOn);
      if (jobKey != null) {
        started.startedBy(jobKey);
      }
      p = placements.save(started);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("hoursPerWeek", e.getMessage());
    }
    events.publishEvent(new PlacementEvents.Started(p.id(), caseId, kind, startedOn));
    return p;
  }

  public Placement recordCheck(UUID placementId, long version, int weeks, boolean sustained) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    Placement p = change(placementId, version, x -> x.recordCheck(weeks, sustained, today));
    events.publishEvent(new PlacementEvents.CheckRecorded(p.id(), p.caseId(), weeks, sustained, today));
    return p;
  }

  public Placement end(UUID placementId, long version, LocalDate on, String reason) {
    Placement p = change(placementId, version, x -> x.end(on, reason));
    events.publishEvent(new PlacementEvents.Ended(p.id(), p.caseId(), p.kind(), on));
    return p;
  }

  /** The case a placement belongs to, for the access check before anything is changed. */
  @org.springframework.transaction.annotation.Transactional(readOnly = true)
  public UUID caseOfPlacement(UUID placementId) {
    return placements.findById(placementId).map(Placement::caseId).orElseThrow(
        () -> io.caseway.app.shared.Problems.ProblemException.notFound("No placement with id " + placementId));
  }

  @Transactional(readOnly = true)
  public List<Placement> ofCase(UUID caseId) {
    cases.get(caseId);
    return placements.findByCaseIdOrderByStartedOnDesc(caseId);
  }

  /** The employer; an unknown id is a 400 naming employerId. */
  @Transactional(readOnly = true)
  public Employer employer(UUID employerId) {
    return employers.findById(employerId)
        .orElseThrow(() -> ProblemException.invalid("employerId", "no employer has the id " + employerId));
  }

  private Placement change(UUID placementId, long version, Consumer<Placement> transition) {
    Placement p = placements.findById(placementId)
        .orElseThrow(() -> ProblemException.notFound("No placement with id " + placementId));
    ETags.requireVersion(Placement.class, placementId, p.version(), version);
    try {
      transition.accept(p);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, e.getMessage());
    } catch (IllegalStateException e) {
      throw ProblemException.conflict(e.getMessage());
    }
    placements.flush();
    return p;
  }
}
