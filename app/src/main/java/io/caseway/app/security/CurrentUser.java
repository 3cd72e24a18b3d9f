package io.caseway.app.security;

import java.util.UUID;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The signed-in user of the current request, whichever way they signed in: a password (form or
 * HTTP basic), an OpenID Connect login, or a bearer token. With OpenID Connect the role and links
 * come from the claims {@code caseway_role}, {@code caseworker_id}, {@code partner_id} and
 * {@code citizen_id}.
 */
@Component
public class CurrentUser {
  private final AppUserRepository users;

  CurrentUser(AppUserRepository users) {
    this.users = users;
  }

  /** The user, or an {@link AccessDeniedProblem} when nobody is signed in. */
  public CasewayUser require() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      throw new AccessDeniedProblem("Sign in first");
    }
    Object principal = auth.getPrincipal();
    if (principal instanceof CasewayUserDetails details) {
      return details.user();
    }
    if (principal instanceof Jwt jwt) {
      return fromClaims(jwt.getClaimAsString("preferred_username"), jwt.getClaimAsString("caseway_role"),
          jwt.getClaimAsString("name"), jwt.getClaimAsString("caseworker_id"), jwt.getClaimAsString("partner_id"),
          jwt.getClaimAsString("citizen_id"));
    }
    if (principal instanceof OidcUser oidc) {
      return fromClaims(oidc.getPreferredUsername(), oidc.getClaimAsString("caseway_role"), oidc.getFullName(),
          oidc.getClaimAsString("caseworker_id"), oidc.getClaimAsString("partner_id"),
          oidc.getClaimAsString("citizen_id"));
    }
    return users.findById(auth.getName()).map(AppUser::toUser)
        .orElseThrow(() -> new AccessDeniedProblem("User '" + auth.getName() + "' is not known to Caseway"));
  }

  static CasewayUser fromClaims(String username, String role, String name, String caseworker, String partner,
      String citizen) {
    if (role == null) {
      throw new AccessDeniedProblem("The sign-in carries no caseway_role claim; ask an administrator for a role");
    }
    return new CasewayUser(username, Role.valueOf(role), name, uuid(caseworker), uuid(partner), uuid(citizen));
  }

  private static UUID uuid(String s) {
    return s == null || s.isBlank() ? null : UUID.fromString(s);
  }
}
