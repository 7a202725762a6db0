package org.attest.audit.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the audit module ({@code attest.audit}). Keys carry no validation annotation on purpose: a failed
 * constraint would print the rejected value at startup; {@link InputHmacKey} and {@link SigningKey} check them
 * without echoing them.
 *
 * @param inputHmacKey the input HMAC key, base64 of at least 32 bytes; when unset the key file is used
 * @param inputHmacKeyId the id recorded with every fingerprint, so that keys can rotate
 * @param inputHmacKeyFile where the key is read from when {@code inputHmacKey} is unset (base64 text)
 * @param generateMissingKey whether a missing key file is created with a new random key (off in production)
 * @param retiredInputHmacKeys keys that made older rows' fingerprints (id → base64), for lookups only
 * @param groupCommit how appends from many requests are committed together
 * @param checkpoint signed checkpoints of the chain head
 */
@Validated
@ConfigurationProperties("attest.audit")
record AuditProperties(
        @Nullable String inputHmacKey,
        @DefaultValue("k1") @NotBlank String inputHmacKeyId,
        @DefaultValue("var/keys/input-hmac.key") @NotNull Path inputHmacKeyFile,
        @DefaultValue("true") boolean generateMissingKey,
        @Nullable Map<String, String> retiredInputHmacKeys,
        @DefaultValue @Valid GroupCommit groupCommit,
        @DefaultValue @Valid CheckpointSettings checkpoint) {

    AuditProperties {
        retiredInputHmacKeys = retiredInputHmacKeys == null ? Map.of() : Map.copyOf(retiredInputHmacKeys);
    }

    /** Settings with the given input key and every other part at its default; for wiring by hand. */
    static AuditProperties withInputKey(@Nullable String key, String keyId, Path keyFile, boolean generate) {
        return new AuditProperties(
                key, keyId, keyFile, generate, Map.of(), GroupCommit.DEFAULTS, CheckpointSettings.DEFAULTS);
    }

    @Override
    public String toString() {
        // keys must never reach a log line, not even through a debug dump of the settings
        return "AuditProperties[inputHmacKey=" + (inputHmacKey == null ? "unset" : "(set)") + ", inputHmacKeyId="
                + inputHmacKeyId + ", inputHmacKeyFile=" + inputHmacKeyFile + ", generateMissingKey="
                + generateMissingKey + ", retiredInputHmacKeys="
                + retiredInputHmacKeys().keySet() + ", groupCommit="
                + groupCommit + ", checkpoint=" + checkpoint + "]";
    }

    /**
     * The group committer.
     *
     * @param committers threads that commit groups. One (the default) gives the largest groups: everything that
     *     arrived during the previous commit's flush; a second one runs its group's writes while the first flushes,
     *     but the chain lock is held through each flush, so callers then split into two alternating, smaller groups
     * @param maxBatch the most writes committed in one transaction
     * @param queueCapacity writes waiting for a committer; beyond it a request fails at once with 503
     */
    record GroupCommit(
            @DefaultValue("1") @Min(1) @Max(16) int committers,
            @DefaultValue("256") @Min(1) @Max(2000) int maxBatch,
            @DefaultValue("4096") @Min(1) @Max(1_000_000) int queueCapacity) {

        static final GroupCommit DEFAULTS = new GroupCommit(1, 256, 4096);
    }

    /**
     * Signed checkpoints.
     *
     * @param interval how often the head is signed, also when nothing was appended
     * @param exportDir where every checkpoint and the public keys are written for an outside store
     * @param signingKey the Ed25519 private key, PKCS#8 in PEM or bare base64 (e.g. from an environment
     *     variable); when unset the key file is used
     * @param signingKeyFile the PEM file of the private key when {@code signingKey} is unset
     * @param generateMissingKey whether a missing key file is created with a new key pair (off in production)
     * @param previousPublicKeys PEM files of retired public keys, so that older checkpoints still verify
     */
    record CheckpointSettings(
            @DefaultValue("5m") @NotNull Duration interval,
            @DefaultValue("var/checkpoints") @NotNull Path exportDir,
            @Nullable String signingKey,

            @DefaultValue("var/keys/checkpoint-signing.pem") @NotNull
            Path signingKeyFile,

            @DefaultValue("true") boolean generateMissingKey,
            @Nullable List<Path> previousPublicKeys) {

        static final CheckpointSettings DEFAULTS = new CheckpointSettings(
                Duration.ofMinutes(5),
                Path.of("var/checkpoints"),
                null,
                Path.of("var/keys/checkpoint-signing.pem"),
                true,
                List.of());

        CheckpointSettings {
            previousPublicKeys = previousPublicKeys == null ? List.of() : List.copyOf(previousPublicKeys);
            if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("attest.audit.checkpoint.interval must be at least 1s");
            }
        }

        @Override
        public List<Path> previousPublicKeys() {
            return previousPublicKeys == null ? List.of() : previousPublicKeys;
        }

        @Override
        public String toString() {
            return "CheckpointSettings[interval=" + interval + ", exportDir=" + exportDir + ", signingKey="
                    + (signingKey == null ? "unset" : "(set)") + ", signingKeyFile=" + signingKeyFile
                    + ", generateMissingKey=" + generateMissingKey + ", previousPublicKeys=" + previousPublicKeys
                    + "]";
        }
    }
}
