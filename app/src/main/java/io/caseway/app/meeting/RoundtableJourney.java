package io.caseway.app.meeting;

import io.caseway.app.casefile.CaseFiles;
import io.caseway.workers.InvalidReferralException;
import io.caseway.workers.RoundtableOutcomes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what the roundtable journey collected as a roundtable meeting of the case, through the
 * meeting's own transitions: planned with its participants (a doctor or health coordinator and the
 * citizen are required), held with minutes and the team's recommendation, decided by the authority.
 * Once per journey instance.
 */
@Service
class RoundtableJourney implements RoundtableOutcomes {
  /** Who decides: the journey's decision task goes to this candidate group. */
  static final String DECIDED_BY = "decision-makers";

  /** The scheduling form's roles; a companion is recorded by name, not as a participant role. */
  private static final Map<String, Participant.Role> ROLES = Map.of(
      "citizen", Participant.Role.CITIZEN,
      "caseworker", Participant.Role.CASEWORKER,
      "health-coordinator", Participant.Role.HEALTH_COORDINATOR,
      "doctor", Participant.Role.DOCTOR,
      "social-worker", Participant.Role.SOCIAL_WORKER);

  private final RoundtableMeetingRepository meetings;
  private final CaseFiles cases;
  private final Clock clock;

  private final io.caseway.app.consent.Consents consents;

  RoundtableJourney(RoundtableMeetingRepository meetings, CaseFiles cases, Clock clock,
      io.caseway.app.consent.Consents consents) {
    this.consents = consents;
    this.meetings = meetings;
    this.cases = cases;
    this.clock = clock;
  }

  @Override
  @Transactional
  public Outcome record(String caseId, String meetingKey, Meeting m) {
    UUID theCase = cases.forJob(caseId).caseId();
    RoundtableMeeting recorded = meetings.findByJourneyKey(meetingKey).orElseGet(() -> {
      try {
        if (!consents.healthConsentInForce(theCase)) {
          throw new IllegalStateException(io.caseway.app.consent.Consents.NO_HEALTH_CONSENT);
        }
        RoundtableMeeting meeting = new RoundtableMeeting(meetingKey, theCase, instant(m.meetingStart()),
            m.meetingPlace() == null || m.meetingPlace().isBlank() ? "Not given" : m.meetingPlace().strip(),
            participants(m), m.companionName());
        meeting.recordMinutes(m.minutes(), Recommendation.fromProcessValue(m.recommendation()),
            m.recommendationReason(), meeting.scheduledAt());
        meeting.decide(Recommendation.fromProcessValue(m.decision()), m.decisionReason(), DECIDED_BY, clock.instant());
        return meetings.saveAndFlush(meeting);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new InvalidReferralException("The roundtable meeting of case '" + caseId + "' cannot be recorded: "
            + e.getMessage());
      }
    });
    if (!recorded.caseId().equals(theCase)) {
      throw new InvalidReferralException("Roundtable " + meetingKey + " was recorded for another case");
    }
    return new Outcome(recorded.recommendation().orElseThrow().processValue(),
        recorded.decision().orElseThrow().processValue(), recorded.decisionNotes().orElse(null),
        recorded.scheduledAt().toString());
  }

  private static Set<Participant> participants(Meeting m) {
    Set<Participant> participants = new LinkedHashSet<>();
    for (String value : m.participantRoles()) {
      if ("companion".equals(value)) {
        continue;
      }
      Participant.Role role = ROLES.get(value);
      if (role == null) {
        throw new IllegalArgumentException("'" + value + "' is not a participant role of a roundtable");
      }
      participants.add(new Participant(role, name(role, m.healthParticipantName())));
    }
    return participants;
  }

  private static String name(Participant.Role role, String healthParticipantName) {
    boolean health = role == Participant.Role.DOCTOR || role == Participant.Role.HEALTH_COORDINATOR;
    if (health && healthParticipantName != null && !healthParticipantName.isBlank()) {
      return healthParticipantName.strip();
    }
    return switch (role) {
      case CITIZEN -> "The citizen";
      case CASEWORKER -> "The caseworker";
      case HEALTH_COORDINATOR -> "Health coordinator";
      case DOCTOR -> "Doctor";
      case SOCIAL_WORKER -> "Social worker";
      case OTHER -> "Other";
    };
  }

  /** The scheduling form's date and time: an instant, a local date-time (taken as UTC) or a date. */
  static Instant instant(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the meeting has no start");
    }
    String v = value.strip();
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notDate) {
          throw new IllegalArgumentException("'" + value + "' is not a date and time");
        }
      }
    }
  }
}
