package org.attest.api.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The browser pages' sign-in ({@code attest.ui}). The OIDC provider itself is Spring Security's client registration
 * {@code attest} ({@code spring.security.oauth2.client.registration.attest.*} and
 * {@code spring.security.oauth2.client.provider.attest.issuer-uri}); the local profile registers the embedded issuer.
 *
 * @param rolesClaim the ID token claim that lists the user's roles ({@code reviews}, {@code audit:read},
 *     {@code models:read})
 */
@Validated
@ConfigurationProperties("attest.ui")
record UiLoginProperties(@DefaultValue("roles") @NotBlank String rolesClaim) {}
