package io.caseway.app.journal;

import io.caseway.app.casefile.CaseFiles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A case's journal: newest note first. */
@RestController
class JournalController {
  record NoteRequest(@NotBlank @Size(max = 200) String author, @NotBlank @Size(max = 20000) String body,
      boolean confidential) {}

  record NoteView(UUID noteId, UUID caseId, String author, Instant writtenAt, String body, boolean confidential) {
    static NoteView of(JournalNote n) {
      return new NoteView(n.id(), n.caseId(), n.author(), n.writtenAt(), n.body(), n.confidential());
    }
  }

  private final JournalNoteRepository notes;
  private final io.caseway.app.casefile.CaseAccess access;
  private final io.caseway.app.security.CurrentUser currentUser;
  private final Clock clock;

  JournalController(JournalNoteRepository notes, io.caseway.app.casefile.CaseAccess access,
      io.caseway.app.security.CurrentUser currentUser, Clock clock) {
    this.notes = notes;
    this.access = access;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @PostMapping("/api/cases/{caseId}/journal-notes")
  public ResponseEntity<NoteView> write(@PathVariable UUID caseId, @Valid @RequestBody NoteRequest r) {
    access.require(caseId, io.caseway.app.casefile.CaseAccess.Need.CHANGE, io.caseway.app.audit.AuditLog.Action.WRITE,
        "journal-note", null, io.caseway.app.security.Purpose.or("write a journal note"));
    JournalNote n = notes.save(new JournalNote(caseId, r.author().strip(), clock.instant(), r.body(), r.confidential()));
    return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/journal-notes/" + n.id())).body(NoteView.of(n));
  }

  @GetMapping("/api/cases/{caseId}/journal-notes")
  public List<NoteView> read(@PathVariable UUID caseId) {
    // journal notes are casework, which may touch health: not for managers
    var c = access.require(caseId, io.caseway.app.casefile.CaseAccess.Need.HEALTH, io.caseway.app.audit.AuditLog.Action.READ,
        "journal", caseId, io.caseway.app.security.Purpose.or("read the journal"));
    // confidential notes only for those who may see them (the caseworker, those it is shared with, the citizen)
    boolean confidential = access.allows(currentUser.require(), c, io.caseway.app.casefile.CaseAccess.Need.CONFIDENTIAL);
    return notes.findByCaseIdOrderByWrittenAtDesc(caseId).stream().filter(n -> confidential || !n.confidential())
        .map(NoteView::of).toList();
  }
}
