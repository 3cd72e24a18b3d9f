package io.caseway.app.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One audited access to personal data; see V10__access_control_and_audit.sql. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {
  @Id private long seq;
  private Instant at;
  private String actor;
  @Column(name = "actor_role") private String actorRole;
  private String action;
  @Column(name = "record_type") private String recordType;
  @Column(name = "record_id") private String recordId;
  @Column(name = "citizen_id") private UUID citizenId;
  private String purpose;
  private boolean allowed;
  @Column(name = "prev_hash") private String prevHash;
  private String hash;

  protected AuditEntry() {}

  AuditEntry(long seq, Instant at, String actor, String actorRole, String action, String recordType, String recordId,
      UUID citizenId, String purpose, boolean allowed, String prevHash) {
    this.seq = seq;
    this.at = at;
    this.actor = actor;
    this.actorRole = actorRole;
    this.action = action;
    this.recordType = recordType;
    this.recordId = recordId;
    this.citizenId = citizenId;
    this.purpose = purpose;
    this.allowed = allowed;
    this.prevHash = prevHash;
    this.hash = computeHash();
  }

  /** SHA-256 over every field and the previous row's hash, hex. */
  String computeHash() {
    String content = String.join("|", Long.toString(seq), at.toString(), actor, actorRole, action, recordType,
        String.valueOf(recordId), String.valueOf(citizenId), purpose, Boolean.toString(allowed), prevHash);
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public long seq() { return seq; }
  public Instant at() { return at; }
  public String actor() { return actor; }
  public String actorRole() { return actorRole; }
  public String action() { return action; }
  public String recordType() { return recordType; }
  public String recordId() { return recordId; }
  public UUID citizenId() { return citizenId; }
  public String purpose() { return purpose; }
  public boolean allowed() { return allowed; }
  String prevHash() { return prevHash; }
  String hash() { return hash; }
}
