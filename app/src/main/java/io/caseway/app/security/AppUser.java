package io.caseway.app.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * Someone who signs in with a password (the embedded default; with OpenID Connect the provider
 * signs people in), and what they are linked to: a caseworker, a partner organisation or a citizen.
 */
@Entity
@Table(name = "app_user")
public class AppUser {
  @Id private String username;
  @Column(name = "password_hash") private String passwordHash;
  @Enumerated(EnumType.STRING) private Role role;
  @Column(name = "display_name") private String displayName;
  @Column(name = "caseworker_id") private UUID caseworkerId;
  @Column(name = "partner_id") private UUID partnerId;
  @Column(name = "citizen_id") private UUID citizenId;
  private boolean enabled;

  protected AppUser() {}

  public AppUser(String username, String passwordHash, Role role, String displayName, UUID caseworkerId,
      UUID partnerId, UUID citizenId) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.role = role;
    this.displayName = displayName;
    this.caseworkerId = caseworkerId;
    this.partnerId = partnerId;
    this.citizenId = citizenId;
    this.enabled = true;
  }

  public CasewayUser toUser() {
    return new CasewayUser(username, role, displayName, caseworkerId, partnerId, citizenId);
  }

  public String username() {
    return username;
  }

  String passwordHash() {
    return passwordHash;
  }

  boolean enabled() {
    return enabled;
  }
}
