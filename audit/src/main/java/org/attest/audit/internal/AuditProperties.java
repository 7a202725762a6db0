package org.attest.audit.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the audit module ({@code attest.audit}). The key itself carries no validation annotation on purpose:
 * a failed constraint would print the rejected value at startup; {@link InputHmacKey} checks it without echoing it.
 *
 * @param inputHmacKey the input HMAC key, base64 of at least 32 bytes; when unset the key file is used
 * @param inputHmacKeyId the id recorded with every fingerprint, so that keys can rotate
 * @param inputHmacKeyFile where the key is read from when {@code inputHmacKey} is unset (base64 text)
 * @param generateMissingKey whether a missing key file is created with a new random key (off in production)
 */
@Validated
@ConfigurationProperties("attest.audit")
record AuditProperties(
        @Nullable String inputHmacKey,
        @DefaultValue("k1") @NotBlank String inputHmacKeyId,
        @DefaultValue("var/keys/input-hmac.key") @NotNull Path inputHmacKeyFile,
        @DefaultValue("true") boolean generateMissingKey) {

    @Override
    public String toString() {
        // the key must never reach a log line, not even through a debug dump of the settings
        return "AuditProperties[inputHmacKey=" + (inputHmacKey == null ? "unset" : "(set)") + ", inputHmacKeyId="
                + inputHmacKeyId + ", inputHmacKeyFile=" + inputHmacKeyFile + ", generateMissingKey="
                + generateMissingKey + "]";
    }
}
