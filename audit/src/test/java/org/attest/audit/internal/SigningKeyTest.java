package org.attest.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Where the checkpoint signing key comes from; it never reaches a message or a log line. */
@ExtendWith(OutputCaptureExtension.class)
class SigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void aMissingKeyFileIsGeneratedOwnerOnlyWithItsPublicKeyBesideItAndThenReused(CapturedOutput output)
            throws Exception {
        Path file = dir.resolve("keys/checkpoint-signing.pem");

        SigningKey generated = SigningKey.resolve(settings(null, file, true));
        SigningKey reused = SigningKey.resolve(settings(null, file, true));

        assertThat(reused.keyId()).isEqualTo(generated.keyId());
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(CheckpointKeyRing.keyId(
                        CheckpointKeyRing.readPublicKey(file.resolveSibling("checkpoint-signing.pem.pub"))))
                .isEqualTo(generated.keyId());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
        assertThat(output.getAll())
                .contains("Generated a new checkpoint signing key " + generated.keyId())
                .doesNotContain(stripped(Files.readString(file)));
    }

    @Test
    void aConfiguredKeyWinsInPemOrBareBase64() {
        SigningKey original = SigningKey.generate();
        String base64 = stripped(original.privatePem());

        assertThat(SigningKey.resolve(settings(original.privatePem(), dir.resolve("absent.pem"), false))
                        .keyId())
                .isEqualTo(original.keyId());
        assertThat(SigningKey.resolve(settings(base64, dir.resolve("absent.pem"), false))
                        .keyId())
                .isEqualTo(original.keyId());
        assertThat(dir.resolve("absent.pem")).doesNotExist();
    }

    @Test
    void theDerivedPublicKeyVerifiesTheKeysSignatures() {
        SigningKey key = SigningKey.fromPem(SigningKey.generate().privatePem(), "test");
        String signature = key.sign("statement");

        assertThat(Base64.getDecoder().decode(signature)).hasSize(64);
        assertThat(CheckpointKeyRing.publicKey(key.publicPem())).isEqualTo(key.publicKey());
    }

    @Test
    void withoutAKeyAndWithoutGenerationStartupFails() {
        assertThatThrownBy(() -> SigningKey.resolve(settings(null, dir.resolve("absent.pem"), false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("attest.audit.checkpoint.signing-key");
    }

    @Test
    void aKeyThatIsNotEd25519IsRefusedWithoutBeingEchoed() {
        String secret = Base64.getEncoder().encodeToString("not a key, but secret material".getBytes());

        assertThatThrownBy(() -> SigningKey.resolve(settings(secret, dir.resolve("k.pem"), false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not an Ed25519 PKCS#8 key")
                .hasMessageNotContaining(secret)
                .hasNoCause();
    }

    @Test
    void settingsNeverPrintTheKey() {
        String pem = SigningKey.generate().privatePem();

        assertThat(settings(pem, dir, false).toString())
                .contains("signingKey=(set)")
                .doesNotContain(stripped(pem));
    }

    private static String stripped(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    private static AuditProperties.CheckpointSettings settings(String key, Path file, boolean generate) {
        return new AuditProperties.CheckpointSettings(
                Duration.ofMinutes(5), Path.of("unused"), key, file, generate, List.of());
    }
}
