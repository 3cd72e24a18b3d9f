package io.caseway.app.meeting;

import io.caseway.app.casefile.CaseFiles;
import io.caseway.app.shared.ETags;
import io.caseway.app.shared.Problems.ProblemException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's self-assessment and the roundtable meeting. The self-assessment comes first: a
 * roundtable cannot be scheduled for a case without one.
 */
@Service
@Transactional
public class Meetings {
  private final HealthSelfAssessmentRepository assessments;
  private final RoundtableMeetingRepository meetings;
  private final CaseFiles cases;
  private final Clock clock;
  private final io.caseway.app.consent.Consents consents;

  Meetings(HealthSelfAssessmentRepository assessments, RoundtableMeetingRepository meetings, CaseFiles cases,
      Clock clock, io.caseway.app.consent.Consents consents) {
    this.consents = consents;
    this.assessments = assessments;
    this.meetings = meetings;
    this.cases = cases;
    this.clock = clock;
  }

  public HealthSelfAssessment recordSelfAssessment(UUID caseId, int workCapacityRating,
      BigDecimal hoursPerWeekPossible, String limitations, String wishes) {
    cases.get(caseId);
    return assessments.save(new HealthSelfAssessment(caseId, clock.instant(), workCapacityRating, hoursPerWeekPossible,
        limitations, wishes));
  }

  @Transactional(readOnly = true)
  public List<HealthSelfAssessment> selfAssessments(UUID caseId) {
    cases.get(caseId);
    return assessments.findByCaseIdOrderByRecordedAtDesc(caseId);
  }

  public RoundtableMeeting schedule(UUID caseId, Instant at, String place, Set<Participant> participants,
      String companionName) {
    cases.get(caseId);
    if (!assessments.existsByCaseId(caseId)) {
      throw ProblemException.conflict("Record the citizen's own health self-assessment before scheduling the"
          + " roundtable, so that it counts there");
    }
    if (!at.isAfter(clock.instant())) {
      throw ProblemException.invalid("scheduledAt", "must be in the future");
    }
    try {
      return meetings.save(new RoundtableMeeting(caseId, at, place, participants, companionName));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("participants", e.getMessage());
    }
  }

  /** The case a meeting belongs to, for the access check before anything is read or changed. */
  @org.springframework.transaction.annotation.Transactional(readOnly = true)
  public UUID caseOfMeeting(UUID meetingId) {
    return meetings.findById(meetingId).map(RoundtableMeeting::caseId)
        .orElseThrow(() -> io.caseway.app.shared.Problems.ProblemException.notFound("No meeting with id " + meetingId));
  }

  @Transactional(readOnly = true)
  public List<RoundtableMeeting> ofCase(UUID caseId) {
    cases.get(caseId);
    return meetings.findByCaseIdOrderByScheduledAtAsc(caseId);
  }

  /** The minutes hold what was said about health: only with the citizen's health consent in force for the case. */
  public RoundtableMeeting recordMinutes(UUID meetingId, long version, String minutes, Recommendation recommendation,
      String notes) {
    if (!consents.healthConsentInForce(caseOfMeeting(meetingId))) {
      throw ProblemException.conflict(io.caseway.app.consent.Consents.NO_HEALTH_CONSENT);
    }
    return change(meetingId, version, m -> m.recordMinutes(minutes, recommendation, notes, clock.instant()));
  }

  public RoundtableMeeting decide(UUID meetingId, long version, Recommendation decision, String notes, String by) {
    return change(meetingId, version, m -> m.decide(decision, notes, by, clock.instant()));
  }

  public RoundtableMeeting cancel(UUID meetingId, long version) {
    return change(meetingId, version, RoundtableMeeting::cancel);
  }

  private RoundtableMeeting change(UUID meetingId, long version, Consumer<RoundtableMeeting> transition) {
    RoundtableMeeting m = meetings.findById(meetingId)
        .orElseThrow(() -> ProblemException.notFound("No meeting with id " + meetingId));
    ETags.requireVersion(RoundtableMeeting.class, meetingId, m.version(), version);
    try {
      transition.accept(m);
    } catch (IllegalStateException e) {
      throw ProblemException.conflict(e.getMessage());
    }
    meetings.flush();
    return m;
  }
}
