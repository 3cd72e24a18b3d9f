package io.caseway.app.caseload;

import io.caseway.app.casefile.Track;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A case that no caseworker had room for: visible to managers, oldest first. */
@Entity
@Table(name = "waiting_list_entry")
public class WaitingListEntry {
  @Id @Column(name = "case_id") private UUID caseId;
  @Enumerated(EnumType.STRING) private Track track;
  @Column(name = "needs_social_work_education") private boolean needsSocialWorkEducation;
  @Column(name = "waiting_since") private Instant waitingSince;

  protected WaitingListEntry() {}

  WaitingListEntry(UUID caseId, Track track, boolean needsSocialWorkEducation, Instant waitingSince) {
    this.caseId = caseId;
    this.track = track;
    this.needsSocialWorkEducation = needsSocialWorkEducation;
    this.waitingSince = waitingSince;
  }

  public UUID caseId() {
    return caseId;
  }

  public Track track() {
    return track;
  }

  public boolean needsSocialWorkEducation() {
    return needsSocialWorkEducation;
  }

  public Instant waitingSince() {
    return waitingSince;
  }
}
