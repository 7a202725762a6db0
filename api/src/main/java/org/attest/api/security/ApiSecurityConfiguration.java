package org.attest.api.security;

import org.attest.api.ratelimit.RateLimitFilter;
import org.attest.api.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API's filter chain: stateless bearer tokens, a scope per operation, deny by default, and per-client rate
 * limiting right after authentication.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String SUMMARIES_WRITE = "SCOPE_summaries:write";
    static final String SUMMARIES_READ = "SCOPE_summaries:read";
    static final String REDACT = "SCOPE_redact";
    static final String AUDIT_READ = "SCOPE_audit:read";
    static final String MODELS_ADMIN = "SCOPE_models:admin";
    static final String REVIEWS = "SCOPE_reviews";

    @Bean
    @Order(2)
    SecurityFilterChain apiFilterChain(
            HttpSecurity http,
            JwtDecoder decoder,
            RateLimitFilter rateLimit,
            Problems problems,
            ObjectProvider<AccessDenialListener> denialListeners) {
        ProblemAuthenticationEntryPoint failures = new ProblemAuthenticationEntryPoint(
                problems, denialListeners.orderedStream().toList());
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/v1/summaries")
                        .hasAuthority(SUMMARIES_WRITE)
                        .requestMatchers(HttpMethod.GET, "/v1/summaries/*")
                        .hasAuthority(SUMMARIES_READ)
                        .requestMatchers(HttpMethod.POST, "/v1/redact")
                        .hasAuthority(REDACT)
                        .requestMatchers("/v1/reviews", "/v1/reviews/**")
                        .hasAuthority(REVIEWS)
                        .requestMatchers("/v1/callbacks")
                        .hasAuthority(SUMMARIES_READ)
                        .requestMatchers(
                                HttpMethod.GET,
                                "/v1/audit/events",
                                "/v1/audit/verify",
                                "/v1/audit/report",
                                "/v1/audit/checkpoints")
                        .hasAuthority(AUDIT_READ)
                        .requestMatchers(HttpMethod.POST, "/v1/audit/lookup", "/v1/audit/checkpoints")
                        .hasAuthority(AUDIT_READ)
                        // models:read is every authenticated caller's (DESIGN.md): IRB, consumers, operators
                        .requestMatchers(HttpMethod.GET, "/v1/models", "/v1/models/*", "/v1/models/*/card")
                        .authenticated()
                        .requestMatchers(HttpMethod.POST, "/v1/models/*/promote", "/v1/models/*/rollback")
                        .hasAuthority(MODELS_ADMIN)
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(decoder))
                        .authenticationEntryPoint(failures)
                        .accessDeniedHandler(failures))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(failures).accessDeniedHandler(failures))
                .addFilterAfter(rateLimit, BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /** Outside the local profile the issuer must be configured; its discovery document gives the keys. */
    @Configuration(proxyBeanMethods = false)
    @Profile("!local")
    static class ExternalIssuer {

        @Bean
        IssuerUri issuerUri(SecurityProperties properties) {
            String issuer = properties.issuer();
            if (issuer == null || issuer.isBlank()) {
                throw new IllegalStateException(
                        "attest.security.issuer is required outside the local profile (the OIDC issuer URI)");
            }
            return new IssuerUri(issuer);
        }

        @Bean
        JwtDecoder jwtDecoder(IssuerUri issuer, SecurityProperties properties) {
            return TokenValidation.fromIssuerLocation(issuer, properties);
        }
    }
}
