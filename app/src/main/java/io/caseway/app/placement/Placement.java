package io.caseway.app.placement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A citizen at work with an employer: an ordinary job, a flex job, or a development flex job (a few
 * hours a week while clarification goes on). Followed up at 13 and 26 weeks: is the job sustained?
 * A check can be recorded once it is due, once per check, and not after the placement ended before
 * the check fell due.
 */
@Entity
@Table(name = "placement")
public class Placement {
  public enum Kind {
    ORDINARY,
    FLEX_JOB,
    DEVELOPMENT_FLEX_JOB;

    /** Whether starting it counts as going into work in the outcome figures. */
    public boolean countsAsWork() {
      return this != DEVELOPMENT_FLEX_JOB;
    }
  }

  @Id private UUID id;
  @Column(name = "case_id") private UUID caseId;
  @Column(name = "employer_id") private UUID employerId;
  @Column(name = "vacancy_id") private UUID vacancyId;
  @Enumerated(EnumType.STRING) private Kind kind;
  @Column(name = "hours_per_week") private BigDecimal hoursPerWeek;
  @Column(name = "started_on") private LocalDate startedOn;
  @Column(name = "sustained_13_weeks") private Boolean sustained13Weeks;
  @Column(name = "sustained_26_weeks") private Boolean sustained26Weeks;
  @Column(name = "ended_on") private LocalDate endedOn;
  @Column(name = "end_reason") private String endReason;
  @Column(name = "start_key") private Long startKey;
  @Version private long version;

  protected Placement() {}

  Placement(UUID caseId, UUID employerId, UUID vacancyId, Kind kind, BigDecimal hoursPerWeek, LocalDate startedOn) {
    if (hoursPerWeek.signum() <= 0) {
      throw new IllegalArgumentException("A placement needs some hours a week (there is no minimum above zero)");
    }
    this.id = UUID.randomUUID();
    this.caseId = caseId;
    this.employerId = employerId;
    this.vacancyId = vacancyId;
    this.kind = kind;
    this.hoursPerWeek = hoursPerWeek;
    this.startedOn = startedOn;
  }

  /** Records whether the job is sustained at the 13- or 26-week check, on or after the day it falls due. */
  void recordCheck(int weeks, boolean sustained, LocalDate today) {
    LocalDate due = checkDue(weeks);
    if (weeks != 13 && weeks != 26) {
      throw new IllegalArgumentException("Placements are checked at 13 and 26 weeks, not at " + weeks);
    }
    if (today.isBefore(due)) {
      throw new IllegalStateException("The " + weeks + "-week check falls due on " + due);
    }
    if ((weeks == 13 ? sustained13Weeks : sustained26Weeks) != null) {
      throw new IllegalStateException("The " + weeks + "-week check is already recorded");
    }
    if (!goingOn(due) && sustained) {
      throw new IllegalStateException("The placement ended on " + endedOn + ", before the " + weeks
          + "-week check fell due, so it cannot have been sustained");
    }
    if (weeks == 13) {
      sustained13Weeks = sustained;
    } else {
      sustained26Weeks = sustained;
    }
  }

  /** The journey job that started this placement: a job delivered twice finds it instead of starting another. */
  void startedBy(long jobKey) {
    this.startKey = jobKey;
  }

  /** The day a check at {@code weeks} falls due. */
  public LocalDate checkDue(int weeks) {
    return startedOn.plusWeeks(weeks);
  }

  /** Whether the job was still going on {@code day}. */
  public boolean goingOn(LocalDate day) {
    return endedOn == null || !endedOn.isBefore(day);
  }

  void end(LocalDate on, String reason) {
    if (endedOn != null) {
      throw new IllegalStateException("The placement already ended on " + endedOn);
    }
    if (on.isBefore(startedOn)) {
      throw new IllegalArgumentException("A placement cannot end before it started (" + startedOn + ")");
    }
    endedOn = on;
    endReason = reason;
  }

  public UUID id() {
    return id;
  }

  public UUID caseId() {
    return caseId;
  }

  public UUID employerId() {
    return employerId;
  }

  public Optional<UUID> vacancyId() {
    return Optional.ofNullable(vacancyId);
  }

  public Kind kind() {
    return kind;
  }

  public BigDecimal hoursPerWeek() {
    return hoursPerWeek;
  }

  public LocalDate startedOn() {
    return startedOn;
  }

  public Optional<Boolean> sustained13Weeks() {
    return Optional.ofNullable(sustained13Weeks);
  }

  public Optional<Boolean> sustained26Weeks() {
    return Optional.ofNullable(sustained26Weeks);
  }

  public Optional<LocalDate> endedOn() {
    return Optional.ofNullable(endedOn);
  }

  public Optional<String> endReason() {
    return Optional.ofNullable(endReason);
  }

  public long version() {
    return version;
  }
}
