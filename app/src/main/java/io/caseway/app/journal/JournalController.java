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
  private final CaseFiles cases;
  private final Clock clock;

  JournalController(JournalNoteRepository notes, CaseFiles cases, Clock clock) {
    this.notes = notes;
    this.cases = cases;
    this.clock = clock;
  }

  @PostMapping("/api/cases/{caseId}/journal-notes")
  @Transactional
  public ResponseEntity<NoteView> write(@PathVariable UUID caseId, @Valid @RequestBody NoteRequest r) {
    cases.get(caseId);
    JournalNote n = notes.save(new JournalNote(caseId, r.author().strip(), clock.instant(), r.body(), r.confidential()));
    return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/journal-notes/" + n.id())).body(NoteView.of(n));
  }

  @GetMapping("/api/cases/{caseId}/journal-notes")
  @Transactional(readOnly = true)
  public List<NoteView> read(@PathVariable UUID caseId) {
    cases.get(caseId);
    return notes.findByCaseIdOrderByWrittenAtDesc(caseId).stream().map(NoteView::of).toList();
  }
}
