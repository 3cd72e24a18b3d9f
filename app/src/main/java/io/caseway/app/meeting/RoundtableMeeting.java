package io.caseway.app.meeting;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A roundtable health meeting instead of a medical certificate: the citizen, their caseworker and a
 * doctor or health coordinator (mandatory), optionally a social worker and a companion of the
 * citizen's choosing. The team records minutes and recommends; the authority decides. Its
 * lifecycle is the transition table {@link #ALLOWED}.
 */
@Entity
@Table(name = "roundtable_meeting")
public class RoundtableMeeting {
  public enum Status {
    PLANNED,
    HELD,
    DECIDED,
    CANCELLED
  }

  private enum Action {
    RECORD_MINUTES,
    DECIDE,
    CANCEL,
    RESCHEDULE
  }

  /** Which action each status allows. */
  private static final Map<Status, Set<Action>> ALLOWED = Map.of(
      Status.PLANNED, EnumSet.of(Action.RECORD_MINUTES, Action.CANCEL, Action.RESCHEDULE),
      Status.HELD, EnumSet.of(Action.DECIDE),
      Status.DECIDED, EnumSet.noneOf(Action.class),
      Status.CANCELLED, EnumSet.noneOf(Action.class));

  @Id private UUID id;
  @Column(name = "case_id") private UUID caseId;
  @Enumerated(EnumType.STRING) private Status status;
  @Column(name = "scheduled_at") private Instant scheduledAt;
  private String place;
  @Column(name = "companion_name") private String companionName;
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "meeting_participant", joinColumns = @JoinColumn(name = "meeting_id"))
  private Set<Participant> participants = new HashSet<>();
  private String minutes;
  @Enumerated(EnumType.STRING) private Recommendation recommendation;
  @Column(name = "recommendation_notes") private String recommendationNotes;
  @Column(name = "held_at") private Instant heldAt;
  @Enumerated(EnumType.STRING) private Recommendation decision;
  @Column(name = "decision_notes") private String decisionNotes;
  @Column(name = "decided_by") private String decidedBy;
  @Column(name = "decided_at") private Instant decidedAt;
  @Column(name = "journey_key") private String journeyKey;
  @Version private long version;

  protected RoundtableMeeting() {}

  RoundtableMeeting(UUID caseId, Instant scheduledAt, String place, Set<Participant> participants,
      String companionName) {
    boolean health = participants.stream().anyMatch(p -> p.role() == Participant.Role.DOCTOR
        || p.role() == Participant.Role.HEALTH_COORDINATOR);
    if (!health) {
      throw new IllegalArgumentException("A roundtable needs a doctor or a health coordinator among the participants");
    }
    if (participants.stream().noneMatch(p -> p.role() == Participant.Role.CITIZEN)) {
      throw new IllegalArgumentException("The citizen takes part in their own roundtable");
    }
    this.id = UUID.randomUUID();
    this.caseId = caseId;
    this.status = Status.PLANNED;
    this.scheduledAt = scheduledAt;
    this.place = place;
    this.participants = new HashSet<>(participants);
    this.companionName = companionName;
  }

  /** A meeting the roundtable journey prepared, recorded once per journey instance ({@code journeyKey}). */
  RoundtableMeeting(String journeyKey, UUID caseId, Instant scheduledAt, String place, Set<Participant> participants,
      String companionName) {
    this(caseId, scheduledAt, place, participants, companionName);
    this.journeyKey = journeyKey;
  }

  void reschedule(Instant at, String newPlace) {
    require(Action.RESCHEDULE);
    this.scheduledAt = at;
    this.place = newPlace;
  }

  void recordMinutes(String text, Recommendation recommended, String notes, Instant heldAt) {
    require(Action.RECORD_MINUTES);
    this.minutes = text;
    this.recommendation = recommended;
    this.recommendationNotes = notes;
    this.heldAt = heldAt;
    this.status = Status.HELD;
  }

  void decide(Recommendation decided, String notes, String by, Instant at) {
    require(Action.DECIDE);
    this.decision = decided;
    this.decisionNotes = notes;
    this.decidedBy = by;
    this.decidedAt = at;
    this.status = Status.DECIDED;
  }

  void cancel() {
    require(Action.CANCEL);
    this.status = Status.CANCELLED;
  }

  private void require(Action action) {
    if (!ALLOWED.get(status).contains(action)) {
      throw new IllegalStateException("The meeting is " + status.name().toLowerCase() + ", so you cannot "
          + action.name().toLowerCase().replace('_', ' ') + " now");
    }
  }

  public UUID id() {
    return id;
  }

  public UUID caseId() {
    return caseId;
  }

  public Status status() {
    return status;
  }

  public Instant scheduledAt() {
    return scheduledAt;
  }

  public String place() {
    return place;
  }

  public Optional<String> companionName() {
    return Optional.ofNullable(companionName);
  }

  public Set<Participant> participants() {
    return Set.copyOf(participants);
  }

  public Optional<String> minutes() {
    return Optional.ofNullable(minutes);
  }

  public Optional<Recommendation> recommendation() {
    return Optional.ofNullable(recommendation);
  }

  public Optional<String> recommendationNotes() {
    return Optional.ofNullable(recommendationNotes);
  }

  public Optional<Instant> heldAt() {
    return Optional.ofNullable(heldAt);
  }

  public Optional<Recommendation> decision() {
    return Optional.ofNullable(decision);
  }

  public Optional<String> decisionNotes() {
    return Optional.ofNullable(decisionNotes);
  }

  public Optional<String> decidedBy() {
    return Optional.ofNullable(decidedBy);
  }

  public Optional<Instant> decidedAt() {
    return Optional.ofNullable(decidedAt);
  }

  public long version() {
    return version;
  }
}
