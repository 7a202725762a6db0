package org.attest.api.security;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token validation and, in the local profile, the embedded issuer ({@code attest.security}).
 *
 * @param issuer the issuer every token must name in {@code iss}; its discovery document gives the signing keys.
 *     Required outside the local profile; in the local profile it defaults to the embedded issuer at
 *     {@code http://localhost:<port>}
 * @param audience the audience every token must name in {@code aud}
 * @param clockSkew tolerance for {@code exp} and {@code nbf}
 * @param embeddedIssuer the local profile's demo issuer
 */
@Validated
@ConfigurationProperties("attest.security")
public record SecurityProperties(
        @Nullable String issuer,
        @DefaultValue("attest-api") @NotBlank String audience,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue EmbeddedIssuer embeddedIssuer) {

    /**
     * The embedded authorization server of the local profile.
     *
     * @param clients demo client id → space-separated scopes; each client's secret is {@code <client-id>-secret}
     * @param tokenTtl lifetime of the access tokens it issues
     * @param users demo browser user → space-separated roles (put in the ID token's {@code roles} claim); each
     *     user's password is {@code <user>-password}
     */
    public record EmbeddedIssuer(
            Map<String, String> clients,
            @DefaultValue("10m") Duration tokenTtl,
            Map<String, String> users) {

        public EmbeddedIssuer {
            clients = clients == null ? Map.of() : Map.copyOf(clients);
            users = users == null ? Map.of() : Map.copyOf(users);
        }
    }
}
