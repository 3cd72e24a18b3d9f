package io.caseway.app.meeting;

import io.caseway.app.shared.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Self-assessments and roundtable meetings of a case. */
@RestController
class MeetingController {
  record SelfAssessmentRequest(@NotNull @Min(0) @Max(10) Integer workCapacityRating,
      @DecimalMin("0") @DecimalMax("80") BigDecimal hoursPerWeekPossible,
      @NotBlank @Size(max = 4000) String limitations, @Size(max = 4000) String wishes) {}

  record SelfAssessmentView(UUID selfAssessmentId, Instant recordedAt, int workCapacityRating,
      BigDecimal hoursPerWeekPossible, String limitations, String wishes) {
    static SelfAssessmentView of(HealthSelfAssessment a) {
      return new SelfAssessmentView(a.id(), a.recordedAt(), a.workCapacityRating(), a.hoursPerWeekPossible(),
          a.limitations(), a.wishes());
    }
  }

  record MeetingRequest(@NotNull Instant scheduledAt, @NotBlank @Size(max = 200) String place,
      @NotEmpty @Size(max = 12) Set<@NotNull @Valid ParticipantRequest> participants,
      @Size(max = 200) String companionName) {}

  /** A participant; one with a Caseway user name (a health coordinator, say) gets the case shared with them. */
  record ParticipantRequest(@NotNull Participant.Role role, @NotBlank @Size(max = 200) String name,
      @Size(max = 100) String username) {}

  record MinutesRequest(@NotBlank @Size(max = 20000) String minutes, @NotNull Recommendation recommendation,
      @Size(max = 4000) String notes) {}

  record DecisionRequest(@NotNull Recommendation decision, @Size(max = 4000) String notes,
      @NotBlank @Size(max = 200) String decidedBy) {}

  record MeetingView(UUID meetingId, UUID caseId, RoundtableMeeting.Status status, Instant scheduledAt, String place,
      Set<Participant> participants, String companionName, String minutes, Recommendation recommendation,
      String recommendationNotes, Recommendation decision, String decisionNotes, String decidedBy, long version) {
    static MeetingView of(RoundtableMeeting m) {
      return new MeetingView(m.id(), m.caseId(), m.status(), m.scheduledAt(), m.place(), m.participants(),
          m.companionName().orElse(null), m.minutes().orElse(null), m.recommendation().orElse(null),
          m.recommendationNotes().orElse(null), m.decision().orElse(null), m.decisionNotes().orElse(null),
          m.decidedBy().orElse(null), m.version());
    }
  }

  private final Meetings meetings;
  private final io.caseway.app.casefile.CaseAccess access;

  MeetingController(Meetings meetings, io.caseway.app.casefile.CaseAccess access) {
    this.meetings = meetings;
    this.access = access;
  }

  private void healthOf(UUID caseId, io.caseway.app.audit.AuditLog.Action action, String record, String purpose) {
    access.require(caseId, io.caseway.app.casefile.CaseAccess.Need.HEALTH, action, record, caseId, io.caseway.app.security.Purpose.or(purpose));
  }

  @PostMapping("/api/cases/{caseId}/self-assessments")
  ResponseEntity<SelfAssessmentView> recordSelfAssessment(@PathVariable UUID caseId,
      @Valid @RequestBody SelfAssessmentRequest r) {
    healthOf(caseId, io.caseway.app.audit.AuditLog.Action.WRITE, "self-assessment", "record the citizen's own health assessment");
    HealthSelfAssessment a = meetings.recordSelfAssessment(caseId, r.workCapacityRating(), r.hoursPerWeekPossible(),
        r.limitations().strip(), r.wishes());
    return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/self-assessments")).body(
        SelfAssessmentView.of(a));
  }

  @GetMapping("/api/cases/{caseId}/self-assessments")
  List<SelfAssessmentView> selfAssessments(@PathVariable UUID caseId) {
    healthOf(caseId, io.caseway.app.audit.AuditLog.Action.READ, "self-assessment", "read the citizen's own health assessment");
    return meetings.selfAssessments(caseId).stream().map(SelfAssessmentView::of).toList();
  }

  @PostMapping("/api/cases/{caseId}/meetings")
  ResponseEntity<MeetingView> schedule(@PathVariable UUID caseId, @Valid @RequestBody MeetingRequest r) {
    access.require(caseId, io.caseway.app.casefile.CaseAccess.Need.CHANGE, io.caseway.app.audit.AuditLog.Action.WRITE, "roundtable-meeting", caseId, io.caseway.app.security.Purpose.or("schedule a roundtable meeting"));
    RoundtableMeeting m = meetings.schedule(caseId, r.scheduledAt(), r.place().strip(),
        r.participants().stream().map(p -> new Participant(p.role(), p.name().strip()))
            .collect(java.util.stream.Collectors.toSet()),
        r.companionName());
    r.participants().stream().filter(p -> p.username() != null && !p.username().isBlank())
        .forEach(p -> access.share(caseId, p.username().strip(), "roundtable participant (" + p.role() + ")"));
    return ResponseEntity.created(URI.create("/api/meetings/" + m.id())).eTag(ETags.of(m.version()))
        .body(MeetingView.of(m));
  }

  @GetMapping("/api/cases/{caseId}/meetings")
  List<MeetingView> ofCase(@PathVariable UUID caseId) {
    healthOf(caseId, io.caseway.app.audit.AuditLog.Action.READ, "roundtable-meeting", "read the roundtable meetings");
    return meetings.ofCase(caseId).stream().map(MeetingView::of).toList();
  }

  @PutMapping("/api/meetings/{meetingId}/minutes")
  ResponseEntity<MeetingView> minutes(@PathVariable UUID meetingId, @RequestHeader("If-Match") String ifMatch,
      @Valid @RequestBody MinutesRequest r) {
    healthOf(meetings.caseOfMeeting(meetingId), io.caseway.app.audit.AuditLog.Action.WRITE, "roundtable-minutes", "record the meeting's minutes");
    return view(meetings.recordMinutes(meetingId, ETags.version(ifMatch), r.minutes(), r.recommendation(), r.notes()));
  }

  @PutMapping("/api/meetings/{meetingId}/decision")
  ResponseEntity<MeetingView> decide(@PathVariable UUID meetingId, @RequestHeader("If-Match") String ifMatch,
      @Valid @RequestBody DecisionRequest r) {
    access.require(meetings.caseOfMeeting(meetingId), io.caseway.app.casefile.CaseAccess.Need.CHANGE, io.caseway.app.audit.AuditLog.Action.WRITE, "roundtable-decision", meetingId,
        io.caseway.app.security.Purpose.or("record the authority's decision"));
    return view(meetings.decide(meetingId, ETags.version(ifMatch), r.decision(), r.notes(), r.decidedBy().strip()));
  }

  @PostMapping("/api/meetings/{meetingId}/cancellation")
  ResponseEntity<MeetingView> cancel(@PathVariable UUID meetingId, @RequestHeader("If-Match") String ifMatch) {
    access.require(meetings.caseOfMeeting(meetingId), io.caseway.app.casefile.CaseAccess.Need.CHANGE, io.caseway.app.audit.AuditLog.Action.WRITE, "roundtable-meeting", meetingId,
        io.caseway.app.security.Purpose.or("cancel the meeting"));
    return view(meetings.cancel(meetingId, ETags.version(ifMatch)));
  }

  private static ResponseEntity<MeetingView> view(RoundtableMeeting m) {
    return ResponseEntity.ok().eTag(ETags.of(m.version())).body(MeetingView.of(m));
  }
}
