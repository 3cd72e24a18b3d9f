package io.caseway.app.journal;

import io.caseway.app.casefile.CaseFiles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
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

  private final Journal journal;

  JournalController(Journal journal) {
    this.journal = journal;
  }

  @PostMapping("/api/cases/{caseId}/journal-notes")
  public ResponseEntity<NoteView> write(@PathVariable UUID caseId, @Valid @RequestBody NoteRequest r) {
    JournalNote n = journal.write(caseId, r.author(), r.body(), r.confidential(),
        io.caseway.app.security.Purpose.or("write a journal note"));
    return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/journal-notes/" + n.id())).body(NoteView.of(n));
  }

  @GetMapping("/api/cases/{caseId}/journal-notes")
  public List<NoteView> read(@PathVariable UUID caseId) {
    return journal.read(caseId, io.caseway.app.security.Purpose.or("read the journal")).stream().map(NoteView::of)
        .toList();
  }
}
