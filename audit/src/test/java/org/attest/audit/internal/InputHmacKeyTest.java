package org.attest.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Where the input HMAC key comes from, and that it never shows up in a message or a log line. */
@ExtendWith(OutputCaptureExtension.class)
class InputHmacKeyTest {

    static final String SHORT_KEY =
            Base64.getEncoder().encodeToString("sixteen-byte-key".getBytes(StandardCharsets.US_ASCII));

    @TempDir
    Path dir;

    @Test
    void theConfiguredKeyWins() throws Exception {
        Path file = dir.resolve("input-hmac.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[32]));
        byte[] configured = HmacInputFingerprintsTest.KEY;

        SecretKeySpec key = InputHmacKey.resolve(
                AuditProperties.withInputKey(Base64.getEncoder().encodeToString(configured), "k1", file, true));

        assertThat(key.getEncoded()).isEqualTo(configured);
    }

    @Test
    void aMissingKeyFileIsGeneratedOnceOwnerOnlyAndThenReused(CapturedOutput output) throws Exception {
        Path file = dir.resolve("var/keys/input-hmac.key");
        AuditProperties properties = AuditProperties.withInputKey(null, "k1", file, true);

        SecretKeySpec generated = InputHmacKey.resolve(properties);
        String stored = Files.readString(file).strip();
        SecretKeySpec reused = InputHmacKey.resolve(properties);

        assertThat(generated.getEncoded())
                .hasSize(32)
                .isEqualTo(Base64.getDecoder().decode(stored));
        assertThat(reused.getEncoded()).isEqualTo(generated.getEncoded());
        assertThat(Files.readString(file).strip()).isEqualTo(stored);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
        assertThat(output.getAll())
                .contains("Generated a new input HMAC key 'k1'")
                .doesNotContain(stored);
    }

    @Test
    void withoutAKeyAndWithoutGenerationStartupFails() {
        Path file = dir.resolve("absent.key");

        assertThatThrownBy(() -> InputHmacKey.resolve(AuditProperties.withInputKey(null, "k1", file, false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("attest.audit.input-hmac-key");
        assertThat(file).doesNotExist();
    }

    @Test
    void aShortConfiguredKeyIsRefusedWithoutBeingEchoed() {
        assertThatThrownBy(() ->
                        InputHmacKey.resolve(AuditProperties.withInputKey(SHORT_KEY, "k1", dir.resolve("k"), true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shorter than 32 bytes")
                .hasMessageNotContaining(SHORT_KEY);
    }

    @Test
    void aConfiguredKeyThatIsNotBase64IsRefusedWithoutBeingEchoed() {
        String notBase64 = "not base64 at all: ###secret###";

        assertThatThrownBy(() ->
                        InputHmacKey.resolve(AuditProperties.withInputKey(notBase64, "k1", dir.resolve("k"), true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not valid base64")
                .hasMessageNotContaining("secret")
                .hasNoCause();
    }

    @Test
    void aKeyFileWithAShortKeyIsRefused() throws Exception {
        Path file = dir.resolve("short.key");
        Files.writeString(file, SHORT_KEY + "\n");

        assertThatThrownBy(() -> InputHmacKey.resolve(AuditProperties.withInputKey(null, "k1", file, true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("short.key")
                .hasMessageNotContaining(SHORT_KEY);
    }

    @Test
    void anUnreadableKeyFileIsRefused() throws Exception {
        Path file = dir.resolve("a-directory.key");
        Files.createDirectory(file);

        assertThatThrownBy(() -> InputHmacKey.resolve(AuditProperties.withInputKey(null, "k1", file, true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a-directory.key");
    }

    @Test
    void settingsHaveTheirDefaultsAndNeverPrintTheKey() {
        String key = Base64.getEncoder().encodeToString(HmacInputFingerprintsTest.KEY);
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("attest.audit.input-hmac-key", key)));

        AuditProperties properties = binder.bindOrCreate("attest.audit", AuditProperties.class);

        assertThat(properties.inputHmacKey()).isEqualTo(key);
        assertThat(properties.inputHmacKeyId()).isEqualTo("k1");
        assertThat(properties.inputHmacKeyFile()).isEqualTo(Path.of("var/keys/input-hmac.key"));
        assertThat(properties.generateMissingKey()).isTrue();
        assertThat(properties.toString()).doesNotContain(key).contains("inputHmacKey=(set)");
        assertThat(AuditProperties.withInputKey(null, "k1", Path.of("k"), false).toString())
                .contains("inputHmacKey=unset");
    }
}
