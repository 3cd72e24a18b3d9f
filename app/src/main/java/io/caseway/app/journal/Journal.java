package io.caseway.app.journal;

import io.caseway.app.audit.AuditLog;
import io.caseway.app.casefile.CaseAccess;
import io.caseway.app.security.CurrentUser;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A case's journal, for the API and the pages alike: writing a note is a change to the case,
 * reading the journal is reading casework that may touch health; both go through the case's
 * access check (audited). Confidential notes only reach those who may see them.
 */
@Service
public class Journal {
  private final JournalNoteRepository notes;
  private final CaseAccess access;
  private final CurrentUser currentUser;
  private final Clock clock;

  Journal(JournalNoteRepository notes, CaseAccess access, CurrentUser currentUser, Clock clock) {
    this.notes = notes;
    this.access = access;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  public JournalNote write(UUID caseId, String author, String body, boolean confidential, String purpose) {
    access.require(caseId, CaseAccess.Need.CHANGE, AuditLog.Action.WRITE, "journal-note", null, purpose);
    return notes.save(new JournalNote(caseId, author.strip(), clock.instant(), body, confidential));
  }

  /** Newest note first. */
  public List<JournalNote> read(UUID caseId, String purpose) {
    // journal notes are casework, which may touch health: not for managers
    var c = access.require(caseId, CaseAccess.Need.HEALTH, AuditLog.Action.READ, "journal", caseId, purpose);
    // confidential notes only for those who may see them (the caseworker, those it is shared with, the citizen)
    boolean confidential = access.allows(currentUser.require(), c, CaseAccess.Need.CONFIDENTIAL);
    return notes.findByCaseIdOrderByWrittenAtDesc(caseId).stream().filter(n -> confidential || !n.confidential())
        .toList();
  }
}
