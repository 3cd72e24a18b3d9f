package io.caseway.app.security;

import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in person or API client as Caseway's rules see them: their role and what they are
 * linked to (the caseworker they are, the partner they act for, the citizen they are).
 */
public record CasewayUser(String username, Role role, String displayName, UUID caseworkerId, UUID partnerId,
    UUID citizenId) {

  public Optional<UUID> caseworker() {
    return Optional.ofNullable(caseworkerId);
  }

  public Optional<UUID> partner() {
    return Optional.ofNullable(partnerId);
  }

  public Optional<UUID> citizen() {
    return Optional.ofNullable(citizenId);
  }
}
