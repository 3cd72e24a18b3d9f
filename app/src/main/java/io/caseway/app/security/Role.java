package io.caseway.app.security;

/** Who someone is to Caseway; each person or API client has one role. */
public enum Role {
  /** Owns a caseload; sees only the cases assigned to them or shared with them. */
  COACH,
  /** A coach with a social-work education, who may take interdisciplinary-unit cases. */
  SOCIAL_WORKER,
  /** An API client of a GP practice, clinic or other health service: refers people in, sees its own referrals. */
  HEALTH_PARTNER,
  /** Advises at roundtable meetings; sees the health data of the cases whose meetings they take part in. */
  HEALTH_COORDINATOR,
  /** Caseloads, waiting lists and outcomes; case facts, never health details. */
  MANAGER,
  /** Edits and deploys the journeys; no personal data. */
  PROCESS_OWNER,
  /** The person the case is about: their own case, plan, consents and access log. */
  CITIZEN;

  /** The Spring Security authority of this role. */
  public String authority() {
    return "ROLE_" + name();
  }

  public boolean isCaseworker() {
    return this == COACH || this == SOCIAL_WORKER;
  }
}
