package io.caseway.app.placement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A job an employer offers; a flex job may be a few hours a week (there is no weekly minimum). */
@Entity
@Table(name = "vacancy")
public class Vacancy {
  @Id private UUID id;
  @Column(name = "employer_id") private UUID employerId;
  private String title;
  @Column(name = "hours_per_week") private BigDecimal hoursPerWeek;
  @Column(name = "flex_job_possible") private boolean flexJobPossible;
  private boolean open;
  @Column(name = "created_at") private Instant createdAt;

  protected Vacancy() {}

  Vacancy(UUID employerId, String title, BigDecimal hoursPerWeek, boolean flexJobPossible, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.employerId = employerId;
    this.title = title;
    this.hoursPerWeek = hoursPerWeek;
    this.flexJobPossible = flexJobPossible;
    this.open = true;
    this.createdAt = createdAt;
  }

  void fill() {
    open = false;
  }

  public UUID id() {
    return id;
  }

  public UUID employerId() {
    return employerId;
  }

  public String title() {
    return title;
  }

  public BigDecimal hoursPerWeek() {
    return hoursPerWeek;
  }

  public boolean flexJobPossible() {
    return flexJobPossible;
  }

  public boolean open() {
    return open;
  }
}
