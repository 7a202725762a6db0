package org.attest.api.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The one validation path for every token, whatever issued it: RS256 signature by a key of the issuer, then
 * {@code iss}, {@code aud}, {@code exp} (required) and {@code nbf} within the clock skew, and a subject.
 */
final class TokenValidation {

    private TokenValidation() {}

    /** Keys from the issuer's discovery document (production: Keycloak, Entra ID, any OIDC issuer). */
    static JwtDecoder fromIssuerLocation(IssuerUri issuer, SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer.get())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(issuer, properties));
        return decoder;
    }

    /** Keys from an in-process key set (the embedded issuer of the local profile). */
    static JwtDecoder fromKeySource(JWKSource<SecurityContext> keys, IssuerUri issuer, SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(issuer, properties));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(IssuerUri issuer, SecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, Objects::nonNull),
                new JwtTimestampValidator(properties.clockSkew()),
                token -> issuer.get().equals(String.valueOf(token.getClaims().get(JwtClaimNames.ISS)))
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(
                                new OAuth2Error("invalid_token", "The iss claim is not the configured issuer", null)),
                new JwtAudienceValidator(properties.audience()));
    }
}
