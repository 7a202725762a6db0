package org.attest.api.security;

import org.attest.audit.Actor;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, from a validated token: the actor ({@code iss} + {@code sub}) for the audit trail and the OAuth2
 * client for rate limits and object ownership.
 *
 * @param actor issuer and subject
 * @param clientId {@code client_id}, else {@code azp}, else {@code sub}
 */
public record Caller(Actor actor, String clientId) {

    public static Caller of(Jwt jwt) {
        String issuer = String.valueOf(jwt.getClaims().get("iss"));
        String subject = jwt.getSubject();
        String clientId = firstNonBlank(jwt.getClaimAsString("client_id"), jwt.getClaimAsString("azp"), subject);
        return new Caller(new Actor(issuer, subject), clientId);
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("token has no subject");
    }
}
