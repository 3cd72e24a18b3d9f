package io.caseway.app.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Who takes part in a roundtable, in which role. */
@Embeddable
public record Participant(@Enumerated(EnumType.STRING) @Column(name = "role") Role role,
    @Column(name = "name") String name) {

  public enum Role {
    CITIZEN,
    CASEWORKER,
    HEALTH_COORDINATOR,
    DOCTOR,
    SOCIAL_WORKER,
    OTHER
  }
}
