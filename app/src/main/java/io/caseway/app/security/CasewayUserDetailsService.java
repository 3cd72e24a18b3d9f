package io.caseway.app.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CasewayUserDetailsService implements UserDetailsService {
  private final AppUserRepository users;

  CasewayUserDetailsService(AppUserRepository users) {
    this.users = users;
  }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String username) {
    AppUser user = users.findById(username).orElseThrow(() -> new UsernameNotFoundException(username));
    return new CasewayUserDetails(user.toUser(), user.passwordHash(), user.enabled());
  }
}
