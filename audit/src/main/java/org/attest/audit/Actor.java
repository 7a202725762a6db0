package org.attest.audit;

/**
 * Who did something: the token's issuer and subject, never an e-mail address or display name.
 *
 * @param issuer the {@code iss} claim
 * @param subject the {@code sub} claim
 */
public record Actor(String issuer, String subject) {

    /** The service itself, for events no person or client caused (startup overrides, scheduled checkpoints). */
    public static final Actor SYSTEM = new Actor("urn:attest", "system");

    public Actor {
        if (issuer.isBlank() || subject.isBlank()) {
            throw new IllegalArgumentException("issuer and subject must not be blank");
        }
    }
}
