package org.attest.api.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The browser's filter chain for {@code /ui/**}: OpenID Connect login (authorization code) against the registration
 * {@code attest}, a session, CSRF protection on every form, and roles from the ID token. The API's chain stays
 * stateless and bearer-only. Without a registration (a production deployment that configured none) the pages are
 * refused.
 */
@Configuration(proxyBeanMethods = false)
public class UiSecurityConfiguration {

    /** The client registration the pages sign in with. */
    public static final String REGISTRATION_ID = "attest";

    /** Authority of a browser user who may review: role {@code reviews} from the ID token. */
    public static final String REVIEWER = "UI_reviews";

    /** Authority of a browser user who may read the audit report: role {@code audit:read}. */
    public static final String COMPLIANCE = "UI_audit:read";

    @Bean
    @Order(1)
    SecurityFilterChain uiFilterChain(
            HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations, UiLoginProperties ui) {
        http.securityMatcher("/ui", "/ui/**", "/login/oauth2/**", "/oauth2/authorization/**", "/logout")
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
        if (registrations.getIfAvailable() == null) {
            http.authorizeHttpRequests(authorize -> authorize.anyRequest().denyAll());
            return http.build();
        }
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/ui/signed-out")
                        .permitAll()
                        .requestMatchers("/ui/reviews", "/ui/reviews/**")
                        .hasAuthority(REVIEWER)
                        .requestMatchers("/ui/audit", "/ui/audit/**")
                        .hasAuthority(COMPLIANCE)
                        .anyRequest()
                        .authenticated())
                .oauth2Login(login -> login.loginPage("/oauth2/authorization/" + REGISTRATION_ID)
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(roles(ui.rolesClaim()))))
                .logout(logout -> logout.logoutSuccessUrl("/ui/signed-out").permitAll());
        return http.build();
    }

    /** Keeps the login's authorities and adds {@code UI_<role>} for every role in the ID token's roles claim. */
    static GrantedAuthoritiesMapper roles(String claim) {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    List<String> roles = oidc.getIdToken().getClaimAsStringList(claim);
                    if (roles != null) {
                        roles.forEach(role -> mapped.add(new SimpleGrantedAuthority("UI_" + role)));
                    }
                }
            }
            return mapped;
        };
    }
}
