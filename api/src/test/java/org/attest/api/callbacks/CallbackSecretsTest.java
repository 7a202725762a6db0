package org.attest.api.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing secrets sealed at rest: AES-256-GCM bound to the client, under a key outside the database that can rotate. */
class CallbackSecretsTest {

    private static final String SECRET = "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f0a2c4e6b8d0f";

    @TempDir
    Path keys;

    @Test
    void aSealedSecretOpensForItsClientOnlyAndNeverShowsInTheStoredValue() {
        CallbackSecrets secrets = secrets(key(), "k1", Map.of());
        String sealed = secrets.seal("client-a", SECRET);

        assertThat(sealed).startsWith("sealed:v1:k1:").doesNotContain(SECRET);
        assertThat(secrets.seal("client-a", SECRET))
                .as("a fresh nonce each time")
                .isNotEqualTo(sealed);
        assertThat(secrets.open("client-a", sealed)).isEqualTo(SECRET);
        assertThat(secrets.sealedWithCurrentKey(sealed)).isTrue();
        assertThatThrownBy(() -> secrets.open("client-b", sealed))
                .as("moved to another client's row")
                .isInstanceOf(IllegalStateException.class)
                .message()
                .doesNotContain(SECRET);
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        CallbackSecrets secrets = secrets(key(), "k1", Map.of());
        String sealed = secrets.seal("client-a", SECRET);
        char last = sealed.charAt(sealed.length() - 3);
        String altered = sealed.substring(0, sealed.length() - 3)
                + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 2);

        assertThatThrownBy(() -> secrets.open("client-a", altered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> secrets.open("client-a", "sealed:v1:k1:not base64!"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> secrets.open("client-a", "sealed:v1:k9:AAAA")).hasMessageContaining("'k9'");
    }

    @Test
    void aRetiredKeyStillOpensItsRowsWhichAreThenNotUnderTheCurrentKey() {
        String oldKey = key();
        String sealedBefore = secrets(oldKey, "k1", Map.of()).seal("client-a", SECRET);
        CallbackSecrets rotated = secrets(key(), "k2", Map.of("k1", oldKey));

        assertThat(rotated.open("client-a", sealedBefore)).isEqualTo(SECRET);
        assertThat(rotated.sealedWithCurrentKey(sealedBefore)).isFalse();
        assertThat(rotated.seal("client-a", SECRET)).startsWith("sealed:v1:k2:");
        assertThatThrownBy(() -> secrets(key(), "k1", Map.of("k1", oldKey))).hasMessageContaining("current key id");
    }

    @Test
    void aSecretStoredBeforeSealingExistedReadsAsItIsAndIsDueForSealing() {
        CallbackSecrets secrets = secrets(key(), "k1", Map.of());

        assertThat(secrets.open("client-a", SECRET)).isEqualTo(SECRET);
        assertThat(secrets.sealedWithCurrentKey(SECRET)).isFalse();
    }

    @Test
    void aMissingKeyFileIsGeneratedOwnerOnlyAndReusedOrRefusedInProduction() throws Exception {
        Path file = keys.resolve("sub/callback-sealing.key");
        String sealed = secretsFromFile(file, true).seal("client-a", SECRET);

        assertThat(file).exists();
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
        assertThat(secretsFromFile(file, false).open("client-a", sealed))
                .as("same key from the file")
                .isEqualTo(SECRET);
        assertThatThrownBy(() -> secretsFromFile(keys.resolve("absent.key"), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("attest.callbacks.sealing.key");
    }

    @Test
    void aBadKeyIsRefusedWithoutEchoingIt() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> secrets(short16, "k1", Map.of()))
                .hasMessageContaining("32 bytes")
                .message()
                .doesNotContain(short16);
        assertThatThrownBy(() -> secrets("not*base64", "k1", Map.of()))
                .hasMessageContaining("not valid base64")
                .message()
                .doesNotContain("not*base64");
        assertThatThrownBy(() -> secrets(key(), "k:1", Map.of())).hasMessageContaining("key-id");
    }

    @Test
    void theSettingsNeverPrintAKey() {
        String key = key();
        CallbackProperties.Sealing sealing =
                new CallbackProperties.Sealing(key, "k1", keys.resolve("x.key"), false, Map.of("k0", key()));
        assertThat(sealing.toString()).contains("k1", "k0").doesNotContain(key);
    }

    private CallbackSecrets secrets(@Nullable String key, String id, Map<String, String> retired) {
        return new CallbackSecrets(
                properties(new CallbackProperties.Sealing(key, id, keys.resolve("unused.key"), false, retired)));
    }

    private static CallbackSecrets secretsFromFile(Path file, boolean generate) {
        return new CallbackSecrets(properties(new CallbackProperties.Sealing(null, "k1", file, generate, null)));
    }

    private static CallbackProperties properties(CallbackProperties.Sealing sealing) {
        return new CallbackProperties(
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(2),
                Duration.ofMinutes(1),
                8,
                false,
                sealing);
    }

    private static String key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
