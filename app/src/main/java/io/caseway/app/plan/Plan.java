package io.caseway.app.plan;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The citizen's plan: its type (the effort chosen) and its goals and steps. Drafted, then made the
 * case's active plan (the previous active one is replaced), then completed. A plan in force is not
 * edited: a changed plan is a new draft.
 */
@Entity
@Table(name = "plan")
public class Plan {
  public enum Type {
    JOB_DIRECTED,
    INTERDISCIPLINARY,
    RETRAINING,
    FLEX_JOB,
    DEVELOPMENT_FLEX_JOB,
    EARLY_RETIREMENT_PENSION
  }

  public enum Status {
    DRAFT,
    ACTIVE,
    COMPLETED,
    REPLACED
  }

  @Id private UUID id;
  @Column(name = "case_id") private UUID caseId;
  @Enumerated(EnumType.STRING) private Type type;
  @Enumerated(EnumType.STRING) private Status status;
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "plan_item", joinColumns = @JoinColumn(name = "plan_id"))
  @OrderColumn(name = "position")
  private List<PlanItem> items = new ArrayList<>();
  @Column(name = "created_at") private Instant createdAt;
  @Column(name = "activated_at") private Instant activatedAt;
  @Column(name = "ended_at") private Instant endedAt;
  @Version private long version;

  protected Plan() {}

  Plan(UUID caseId, Type type, List<PlanItem> items, Instant createdAt) {
    if (items.stream().noneMatch(i -> i.kind() == PlanItem.Kind.GOAL)) {
      throw new IllegalArgumentException("A plan needs at least one goal");
    }
    this.id = UUID.randomUUID();
    this.caseId = caseId;
    this.type = type;
    this.status = Status.DRAFT;
    this.items = new ArrayList<>(items);
    this.createdAt = createdAt;
  }

  void activate(Instant now) {
    if (status != Status.DRAFT) {
      throw new IllegalStateException("Only a draft plan can be put in force; this one is " + status);
    }
    status = Status.ACTIVE;
    activatedAt = now;
  }

  void replace(Instant now) {
    if (status != Status.ACTIVE) {
      throw new IllegalStateException("Only the plan in force can be replaced; this one is " + status);
    }
    status = Status.REPLACED;
    endedAt = now;
  }

  void complete(Instant now) {
    if (status != Status.ACTIVE) {
      throw new IllegalStateException("Only the plan in force can be completed; this one is " + status);
    }
    status = Status.COMPLETED;
    endedAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID caseId() {
    return caseId;
  }

  public Type type() {
    return type;
  }

  public Status status() {
    return status;
  }

  public List<PlanItem> items() {
    return List.copyOf(items);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> activatedAt() {
    return Optional.ofNullable(activatedAt);
  }

  public Optional<Instant> endedAt() {
    return Optional.ofNullable(endedAt);
  }

  public long version() {
    return version;
  }
}
