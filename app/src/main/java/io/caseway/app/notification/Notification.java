package io.caseway.app.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A notice to the case's coach or to the managers, in plain language and without health details.
 * Written once (see {@link Notifications}), never changed.
 */
@Entity
@Table(name = "notification")
public class Notification {
  public enum Recipient {
    COACH,
    MANAGER
  }

  public enum Kind {
    ROUNDTABLE_REMINDER,
    ROUNDTABLE_OVERDUE,
    CLARIFICATION_WARNING,
    ANNUAL_REVIEW_DUE,
    EMPLOYER_CONTACT,
    TRY_WORK
  }

  @Id private UUID id;
  @Column(name = "case_id") private UUID caseId;
  @Enumerated(EnumType.STRING) @Column(name = "recipient_kind") private Recipient recipient;
  @Column(name = "caseworker_id") private UUID caseworkerId;
  @Enumerated(EnumType.STRING) private Kind kind;
  @Column(name = "dedupe_key") private String dedupeKey;
  private String text;
  @Column(name = "created_at") private Instant createdAt;

  protected Notification() {}

  public UUID id() {
    return id;
  }

  public UUID caseId() {
    return caseId;
  }

  public Recipient recipient() {
    return recipient;
  }

  public Optional<UUID> caseworkerId() {
    return Optional.ofNullable(caseworkerId);
  }

  public Kind kind() {
    return kind;
  }

  public String text() {
    return text;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
