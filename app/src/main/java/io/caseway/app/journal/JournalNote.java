package io.caseway.app.journal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A note in the case's journal. Notes are not edited: a correction is a new note. A confidential
 * note (health details, for instance) is for the assigned caseworker, the roundtable and the
 * citizen only; that restriction is enforced by access control.
 */
@Entity
@Table(name = "journal_note")
public class JournalNote {
  @Id private UUID id;
  @Column(name = "case_id") private UUID caseId;
  private String author;
  @Column(name = "written_at") private Instant writtenAt;
  private String body;
  private boolean confidential;
  @Version private long version;

  protected JournalNote() {}

  JournalNote(UUID caseId, String author, Instant writtenAt, String body, boolean confidential) {
    this.id = UUID.randomUUID();
    this.caseId = caseId;
    this.author = author;
    this.writtenAt = writtenAt;
    this.body = body;
    this.confidential = confidential;
  }

  public UUID id() {
    return id;
  }

  public UUID caseId() {
    return caseId;
  }

  public String author() {
    return author;
  }

  public Instant writtenAt() {
    return writtenAt;
  }

  public String body() {
    return body;
  }

  public boolean confidential() {
    return confidential;
  }
}
