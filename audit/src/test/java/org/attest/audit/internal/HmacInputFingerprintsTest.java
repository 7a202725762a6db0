package org.attest.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
                new SecretKeySpec("Jefe".getBytes(StandardCharsets.US_ASCII), "HmacSHA256"), "rfc", Map.of());

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

    @Test
    void aLookupComputesTheTextUnderTheCurrentAndEveryRetiredKey() throws Exception {
        byte[] retired = "an-older-input-hmac-key-32-bytes".getBytes(StandardCharsets.US_ASCII);
        AuditProperties properties = new AuditProperties(
                Base64.getEncoder().encodeToString(KEY),
                "k2",
                java.nio.file.Path.of("unused"),
                false,
                Map.of("k1", Base64.getEncoder().encodeToString(retired)),
                AuditProperties.GroupCommit.DEFAULTS,
                AuditProperties.CheckpointSettings.DEFAULTS);
        HmacInputFingerprints fingerprints = new HmacInputFingerprints(properties);

        List<InputFingerprint> all = fingerprints.underEveryKey("a note");

        Mac old = Mac.getInstance("HmacSHA256");
        old.init(new SecretKeySpec(retired, "HmacSHA256"));
        assertThat(all)
                .containsExactly(
                        fingerprints.of("a note"),
                        new InputFingerprint(
                                "k1",
                                HexFormat.of().formatHex(old.doFinal("a note".getBytes(StandardCharsets.UTF_8)))));
        assertThat(fingerprints.of("a note").keyId()).isEqualTo("k2");
        assertThat(properties.toString())
                .contains("retiredInputHmacKeys=[k1]")
                .doesNotContain(Base64.getEncoder().encodeToString(retired));
    }

    @Test
    void aRetiredKeyMayNotReuseTheCurrentKeysId() {
        AuditProperties properties = new AuditProperties(
                Base64.getEncoder().encodeToString(KEY),
                "k1",
                java.nio.file.Path.of("unused"),
                false,
                Map.of("k1", Base64.getEncoder().encodeToString(KEY)),
                AuditProperties.GroupCommit.DEFAULTS,
                AuditProperties.CheckpointSettings.DEFAULTS);

        assertThatThrownBy(() -> new HmacInputFingerprints(properties))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("new id");
    }

    static AuditProperties properties(byte[] key, String keyId) {
        return AuditProperties.withInputKey(
                Base64.getEncoder().encodeToString(key), keyId, java.nio.file.Path.of("unused"), false);
    }
}
