package io.caseway.app.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/** A goal of the plan, or a step towards one. */
@Embeddable
public record PlanItem(@Enumerated(EnumType.STRING) @Column(name = "kind") Kind kind,
    @Column(name = "description") String description, @Column(name = "due_date") LocalDate dueDate) {

  public enum Kind {
    GOAL,
    STEP
  }
}
