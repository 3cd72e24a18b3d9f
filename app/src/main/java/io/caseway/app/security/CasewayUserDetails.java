package io.caseway.app.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A password user as Spring Security sees them. */
record CasewayUserDetails(CasewayUser user, String passwordHash, boolean enabled) implements UserDetails {
  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority(user.role().authority()));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return user.username();
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }
}
