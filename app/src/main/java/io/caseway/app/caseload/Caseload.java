package io.caseway.app.caseload;

import io.caseway.app.casefile.Track;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/**
 * A caseworker's cap for one track and how many active cases of it they hold. The count changes
 * only through {@link CaseloadRepository}'s conditional updates, which the database checks against
 * the cap, so concurrent assignments cannot overfill it.
 */
@Entity
@Table(name = "caseload")
public class Caseload {
  @Embeddable
  public record Id(@Column(name = "caseworker_id") UUID caseworkerId,
      @Enumerated(EnumType.STRING) @Column(name = "track") Track track) implements Serializable {}

  @EmbeddedId private Id id;
  private int cap;
  @Column(name = "active_count") private int activeCount;

  protected Caseload() {}

  Caseload(UUID caseworkerId, Track track, int cap) {
    this.id = new Id(caseworkerId, track);
    this.cap = cap;
  }

  public UUID caseworkerId() {
    return id.caseworkerId();
  }

  public Track track() {
    return id.track();
  }

  public int cap() {
    return cap;
  }

  public int activeCount() {
    return activeCount;
  }
}
