package io.caseway.app.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A case shared with someone who is not its caseworker (a colleague, a roundtable's health coordinator). */
@Entity
@Table(name = "case_access_grant")
public class CaseAccessGrant {
  @Embeddable
  public record Id(@Column(name = "case_id") UUID caseId, @Column(name = "username") String username)
      implements Serializable {}

  @EmbeddedId private Id id;
  private String reason;
  @Column(name = "granted_by") private String grantedBy;
  @Column(name = "granted_at") private Instant grantedAt;

  protected CaseAccessGrant() {}

  CaseAccessGrant(UUID caseId, String username, String reason, String grantedBy, Instant grantedAt) {
    this.id = new Id(caseId, username);
    this.reason = reason;
    this.grantedBy = grantedBy;
    this.grantedAt = grantedAt;
  }

  public String username() {
    return id.username();
  }

  public String reason() {
    return reason;
  }
}
