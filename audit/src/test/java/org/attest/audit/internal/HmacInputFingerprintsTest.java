package org.attest.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.attest.audit.InputFingerprint;
import org.junit.jupiter.api.Test;

/** Keyed fingerprints: standard HMAC-SHA-256, dependent on the key, never a bare hash of the input. */
class HmacInputFingerprintsTest {

    static final byte[] KEY = "attest-test-input-hmac-key-32-by".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesRfc4231TestCase2() {
        HmacInputFingerprints fingerprints = new HmacInputFingerprints(
                new SecretKeySpec("Jefe".getBytes(StandardCharsets.US_ASCII), "HmacSHA256"), "rfc");

        assertThat(fingerprints.of("what do ya want for nothing?"))
                .isEqualTo(new InputFingerprint(
                        "rfc", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    @Test
    void theConfiguredKeyIsUsedAndItsIdRecorded() throws Exception {
        HmacInputFingerprints fingerprints = new HmacInputFingerprints(properties(KEY, "k7"));
        String text = "Pt. seen for chest pain, naïve to statins.";

        InputFingerprint fingerprint = fingerprints.of(text);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        assertThat(fingerprint.keyId()).isEqualTo("k7");
        assertThat(fingerprint.hmac())
                .isEqualTo(HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8))))
                .isNotEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void differentKeysGiveDifferentFingerprints() {
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;

        assertThat(new HmacInputFingerprints(properties(KEY, "k1"))
                        .of("same text")
                        .hmac())
                .isNotEqualTo(new HmacInputFingerprints(properties(otherKey, "k1"))
                        .of("same text")
                        .hmac());
    }

    @Test
    void theSameTextGivesTheSameFingerprint() {
        HmacInputFingerprints fingerprints = new HmacInputFingerprints(properties(KEY, "k1"));

        assertThat(fingerprints.of("same text")).isEqualTo(fingerprints.of("same text"));
        assertThat(fingerprints.of("same text")).isNotEqualTo(fingerprints.of("same text "));
    }

    static AuditProperties properties(byte[] key, String keyId) {
        return new AuditProperties(
                Base64.getEncoder().encodeToString(key), keyId, java.nio.file.Path.of("unused"), false);
    }
}
