package io.caseway.app.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.UUID;

/**
 * A citizen's case: the aggregate that guards its own transitions. It is opened from a referral
 * on a track, waits for a caseworker or is assigned to one, and is closed, with a lasting solution
 * or without. The clarification deadline runs from the benefit start date, not from the case.
 */
@Entity
@Table(name = "case_file")
public class CaseFile {
  @Id private UUID id;
  @Column(name = "citizen_id") private UUID citizenId;
  @Column(name = "referral_id") private UUID referralId;
  @Column(name = "rule_set") private String ruleSet;
  @Enumerated(EnumType.STRING) private Track track;
  @Enumerated(EnumType.STRING) private CaseStatus status;
  @Column(name = "benefit_type") private String benefitType;
  @Column(name = "benefit_start_date") private LocalDate benefitStartDate;
  @Column(name = "clarification_deadline") private LocalDate clarificationDeadline;
  @Enumerated(EnumType.STRING) @Column(name = "lasting_solution") private LastingSolution lastingSolution;
  @Column(name = "caseworker_id") private UUID caseworkerId;
  @Column(name = "opened_at") private Instant openedAt;
  @Column(name = "assigned_at") private Instant assignedAt;
  @Column(name = "closed_at") private Instant closedAt;
  @Column(name = "trying_work_since") private LocalDate tryingWorkSince;
  /** When the retention job erased the case's personal data; the case stays as a tombstone. */
  @Column(name = "erased_at") private Instant erasedAt;
  @Version private long version;

  protected CaseFile() {}

  CaseFile(UUID citizenId, UUID referralId, String ruleSet, Track track, Instant openedAt) {
    this.id = UUID.randomUUID();
    this.citizenId = citizenId;
    this.referralId = referralId;
    this.ruleSet = ruleSet;
    this.track = track;
    this.status = CaseStatus.AWAITING_COACH;
    this.openedAt = openedAt;
  }

  /** Assigns the case to a caseworker; only a case that awaits one can be assigned. */
  public void assignTo(UUID caseworker, Instant now) {
    if (status != CaseStatus.AWAITING_COACH) {
      throw new IllegalStateException("Case " + id + " is " + status + ", so it cannot be assigned");
    }
    this.caseworkerId = caseworker;
    this.assignedAt = now;
    this.status = CaseStatus.ACTIVE;
  }

  /**
   * Records the benefit and the date it started; the clarification deadline is that date plus the
   * longest clarification the case's rule set allows.
   */
  void recordBenefit(String benefitType, LocalDate startDate, Period maxClarification) {
    requireOpen("record a benefit");
    this.benefitType = benefitType;
    this.benefitStartDate = startDate;
    this.clarificationDeadline = startDate.plus(maxClarification);
  }

  /** Closes the case, with the lasting solution it reached or none. */
  void close(LastingSolution solution, Instant now) {
    requireOpen("close it");
    this.lastingSolution = solution;
    this.status = CaseStatus.CLOSED;
    this.closedAt = now;
  }

  /**
   * The citizen tries a job from {@code jobStart}: no benefit re-assessment, the case keeps its place.
   * The same job start again changes nothing.
   */
  void startTryingWork(LocalDate jobStart) {
    requireOpen("suspend its re-assessment");
    this.tryingWorkSince = jobStart;
  }

  /** The job ended within the try-work period: the case goes on where it was. */
  void stopTryingWork() {
    this.tryingWorkSince = null;
  }

  private void requireOpen(String action) {
    if (status == CaseStatus.CLOSED) {
      throw new IllegalStateException("Case " + id + " is closed, so you cannot " + action);
    }
  }

  public Optional<LocalDate> tryingWorkSince() {
    return Optional.ofNullable(tryingWorkSince);
  }

  public UUID id() {
    return id;
  }

  public UUID citizenId() {
    return citizenId;
  }

  public UUID referralId() {
    return referralId;
  }

  public String ruleSet() {
    return ruleSet;
  }

  public Track track() {
    return track;
  }

  public CaseStatus status() {
    return status;
  }

  public Optional<String> benefitType() {
    return Optional.ofNullable(benefitType);
  }

  public Optional<LocalDate> benefitStartDate() {
    return Optional.ofNullable(benefitStartDate);
  }

  public Optional<LocalDate> clarificationDeadline() {
    return Optional.ofNullable(clarificationDeadline);
  }

  public Optional<LastingSolution> lastingSolution() {
    return Optional.ofNullable(lastingSolution);
  }

  public Optional<UUID> caseworkerId() {
    return Optional.ofNullable(caseworkerId);
  }

  public Instant openedAt() {
    return openedAt;
  }

  public Optional<Instant> assignedAt() {
    return Optional.ofNullable(assignedAt);
  }

  public Optional<Instant> closedAt() {
    return Optional.ofNullable(closedAt);
  }

  public Optional<Instant> erasedAt() {
    return Optional.ofNullable(erasedAt);
  }

  public long version() {
    return version;
  }
}
