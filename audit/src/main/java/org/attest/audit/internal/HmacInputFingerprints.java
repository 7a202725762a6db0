package org.attest.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.attest.audit.InputFingerprint;
import org.attest.audit.InputFingerprints;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** HMAC-SHA-256 of the UTF-8 input under the server key, so that guessed inputs cannot be matched by hashing. */
@Component
class HmacInputFingerprints implements InputFingerprints {

    private final SecretKeySpec key;
    private final String keyId;

    /** Resolves the key at startup, so that a missing key stops the application before it serves anything. */
    @Autowired
    HmacInputFingerprints(AuditProperties properties) {
        this(InputHmacKey.resolve(properties), properties.inputHmacKeyId());
    }

    HmacInputFingerprints(SecretKeySpec key, String keyId) {
        this.key = key;
        this.keyId = keyId;
    }

    @Override
    public InputFingerprint of(String text) {
        return new InputFingerprint(
                keyId, HexFormat.of().formatHex(mac().doFinal(text.getBytes(StandardCharsets.UTF_8))));
    }

    /** A fresh Mac per call: Mac instances are not thread-safe, and creating one is cheap next to a model call. */
    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(InputHmacKey.ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is required on every Java platform; the key was checked at startup
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
