package org.attest.api.callbacks;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param sealing the key that seals the clients' signing secrets in the database ({@link CallbackSecrets})
 */
@Validated
@ConfigurationProperties("attest.callbacks")
record CallbackProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("2s") Duration initialBackoff,
        @DefaultValue("10m") Duration maxBackoff,
        @DefaultValue("8") @Min(1) int maxAttempts,
        @DefaultValue("false") boolean allowPrivateTargets,
        @DefaultValue @NotNull Sealing sealing) {

    @ConstructorBinding
    CallbackProperties {}

    /** Settings with the default sealing (the key file under {@code var/keys}, generated when missing). */
    CallbackProperties(
            Duration pollInterval,
            Duration timeout,
            Duration initialBackoff,
            Duration maxBackoff,
            int maxAttempts,
            boolean allowPrivateTargets) {
        this(pollInterval, timeout, initialBackoff, maxBackoff, maxAttempts, allowPrivateTargets, Sealing.DEFAULTS);
    }

    /** The wait after {@code attempts} failed attempts: initial × 2^(attempts−1), at most the maximum. */
    Duration backoffAfter(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = initialBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /**
     * The key that seals the signing secrets ({@code attest.callbacks.sealing}), kept outside the database.
     *
     * @param key the AES-256 key, base64 of 32 bytes; when unset the key file is used
     * @param keyId the id stored with every sealed secret, so that keys can rotate
     * @param keyFile where the key is read from when {@code key} is unset (base64 text)
     * @param generateMissingKey whether a missing key file is created with a new random key (off in production)
     * @param retiredKeys keys that sealed older rows (id → base64); rows under them are resealed at startup
     */
    record Sealing(
            @Nullable String key,
            @DefaultValue("k1") @NotNull String keyId,

            @DefaultValue("var/keys/callback-sealing.key") @NotNull
            Path keyFile,

            @DefaultValue("true") boolean generateMissingKey,
            @Nullable Map<String, String> retiredKeys) {

        static final Sealing DEFAULTS = new Sealing(null, "k1", Path.of("var/keys/callback-sealing.key"), true, null);

        Sealing {
            retiredKeys = retiredKeys == null ? Map.of() : Map.copyOf(retiredKeys);
        }

        @Override
        public String toString() {
            // keys must never reach a log line, not even through a debug dump of the settings
            return "Sealing[keyId=" + keyId + ", keyFile=" + keyFile + ", generateMissingKey=" + generateMissingKey
                    + ", retiredKeys=" + retiredKeys.keySet() + "]";
        }
    }
}
