package org.attest.api.callbacks;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Delivery of decision callbacks ({@code attest.callbacks}).
 *
 * @param pollInterval how often due deliveries are looked for
 * @param timeout the most one delivery attempt may take
 * @param initialBackoff the wait after the first failed attempt; it doubles after each further failure
 * @param maxBackoff the longest wait between attempts
 * @param maxAttempts attempts before a delivery is given up as FAILED
 * @param allowPrivateTargets whether callback URLs may resolve to private, loopback or link-local addresses (off: a
 *     client cannot make the server call into its own network)
 */
@Validated
@ConfigurationProperties("attest.callbacks")
record CallbackProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("2s") Duration initialBackoff,
        @DefaultValue("10m") Duration maxBackoff,
        @DefaultValue("8") @Min(1) int maxAttempts,
        @DefaultValue("false") boolean allowPrivateTargets) {

    /** The wait after {@code attempts} failed attempts: initial × 2^(attempts−1), at most the maximum. */
    Duration backoffAfter(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = initialBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
