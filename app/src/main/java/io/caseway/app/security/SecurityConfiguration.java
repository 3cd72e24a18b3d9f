package io.caseway.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may call what. The API ({@code /api/**}) is stateless: HTTP basic with a Caseway password
 * (the embedded default's users) or a bearer token from the OpenID Connect provider when one is
 * configured ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}); no session, so no CSRF
 * exposure. Pages use a session with form login (or OpenID Connect login when a client registration
 * is configured) and CSRF tokens on every form. Coarse rules by path live here; whether a user may
 * see a particular case, and which parts of it, is decided (and audited) by the case's own access
 * check. Refusals are problem+json.
 */
@Configuration
// the filter chains guard the servlet web app; a context without a web server (the benchmarks) has no requests to guard
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(
    type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {
  private static final String[] CASEWORKERS = {Role.COACH.name(), Role.SOCIAL_WORKER.name()};

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ObjectProvider<JwtDecoder> jwt, ObjectMapper json) throws Exception {
    http.securityMatcher("/api/**")
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .httpBasic(basic -> basic.authenticationEntryPoint((req, res, e) ->
            problem(res, json, HttpStatus.UNAUTHORIZED, "Sign in first: HTTP basic with a Caseway user, or a bearer"
                + " token from the configured OpenID Connect provider")))
        .exceptionHandling(ex -> ex
            .authenticationEntryPoint((req, res, e) -> problem(res, json, HttpStatus.UNAUTHORIZED,
                "Sign in first: HTTP basic with a Caseway user, or a bearer token"))
            .accessDeniedHandler((req, res, e) -> problem(res, json, HttpStatus.FORBIDDEN,
                "Your role may not " + req.getMethod() + " " + req.getRequestURI())))
        .authorizeHttpRequests(a -> a
            .requestMatchers(HttpMethod.POST, "/api/referrals").hasRole(Role.HEALTH_PARTNER.name())
            .requestMatchers(HttpMethod.GET, "/api/referrals/**").hasRole(Role.HEALTH_PARTNER.name())
            .requestMatchers(HttpMethod.GET, "/api/partner-organisations/mine").hasRole(Role.HEALTH_PARTNER.name())
            .requestMatchers("/api/partner-organisations/**").hasRole(Role.MANAGER.name())
            .requestMatchers(HttpMethod.POST, "/api/caseworkers").hasRole(Role.MANAGER.name())
            .requestMatchers(HttpMethod.GET, "/api/caseworkers/**")
                .hasAnyRole(Role.MANAGER.name(), Role.COACH.name(), Role.SOCIAL_WORKER.name())
            .requestMatchers("/api/waiting-list", "/api/outcomes/**", "/api/audit/**", "/api/notifications",
                "/api/retention/**")
                .hasRole(Role.MANAGER.name())
            .requestMatchers("/api/employers/**", "/api/vacancies/**").hasAnyRole(CASEWORKERS)
            .requestMatchers(HttpMethod.GET, "/api/cases").hasAnyRole(Role.COACH.name(), Role.SOCIAL_WORKER.name(),
                Role.MANAGER.name(), Role.CITIZEN.name())
            .requestMatchers("/api/citizens/**").hasRole(Role.CITIZEN.name())
            .requestMatchers("/api/cases/**", "/api/meetings/**", "/api/plans/**", "/api/placements/**",
                "/api/consents/**").hasAnyRole(Role.COACH.name(), Role.SOCIAL_WORKER.name(), Role.MANAGER.name(),
                Role.HEALTH_COORDINATOR.name(), Role.CITIZEN.name())
            .anyRequest().denyAll());
    if (jwt.getIfAvailable() != null) {
      JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
      roles.setJwtGrantedAuthoritiesConverter(token -> {
        String role = token.getClaimAsString("caseway_role");
        return role == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + role));
      });
      http.oauth2ResourceServer(r -> r.jwt(j -> j.jwtAuthenticationConverter(roles)));
    }
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidc) throws Exception {
    http.authorizeHttpRequests(a -> a
            .requestMatchers("/actuator/health/**", "/login", "/error", "/webjars/**", "/css/**", "/js/**").permitAll()
            .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").authenticated()
            .requestMatchers("/manager/**", "/manager").hasRole(Role.MANAGER.name())
            .requestMatchers("/tasks/**", "/tasks").hasAnyRole(Role.COACH.name(), Role.SOCIAL_WORKER.name(),
                Role.MANAGER.name())
            .requestMatchers("/processes/**", "/processes").hasRole(Role.PROCESS_OWNER.name())
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").permitAll())
        .httpBasic(Customizer.withDefaults())
        .logout(Customizer.withDefaults())
        .headers(h -> h
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; frame-ancestors 'none'; object-src 'none'"))
            .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    if (oidc.getIfAvailable() != null) {
      http.oauth2Login(Customizer.withDefaults());
    }
    return http.build();
  }

  private static void problem(HttpServletResponse res, ObjectMapper json, HttpStatus status, String detail)
      throws IOException {
    res.setStatus(status.value());
    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    json.writeValue(res.getOutputStream(), Map.of("type", p.getType().toString(), "title", p.getTitle(),
        "status", status.value(), "detail", detail));
  }
}
