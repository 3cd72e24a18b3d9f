package io.caseway.app.security;

import java.util.UUID;

/**
 * The signed-in person or API client as Caseway's rules see them: their role and what they are
 * linked to (the caseworker they are, the partner they act for, the citizen they are).
 */
public record CasewayUser(String username, Role role, String displayName, UUID caseworkerId, UUID partnerId,
    UUID citizenId) {

  /** A manager, or the caseworker themselves: who may see a caseworker's caseload and notices. */
  public boolean isManagerOrCaseworker(UUID caseworker) {
    return role == Role.MANAGER || caseworker.equals(caseworkerId);
  }
}
