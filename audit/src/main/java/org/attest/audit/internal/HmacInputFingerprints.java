package org.attest.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.attest.audit.InputFingerprint;
import org.attest.audit.InputFingerprints;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * HMAC-SHA-256 of the UTF-8 input under the server key, so that guessed inputs cannot be matched by hashing. Rows
 * carry the id of the key that made them; retired keys are kept only to look texts up in older rows.
 */
@Component
class HmacInputFingerprints implements InputFingerprints {

    private final SecretKeySpec key;
    private final String keyId;
    private final Map<String, SecretKeySpec> retired;

    /** Resolves the keys at startup, so that a missing key stops the application before it serves anything. */
    @Autowired
    HmacInputFingerprints(AuditProperties properties) {
        this(InputHmacKey.resolve(properties), properties.inputHmacKeyId(), InputHmacKey.retired(properties));
    }

    HmacInputFingerprints(SecretKeySpec key, String keyId, Map<String, SecretKeySpec> retired) {
        this.key = key;
        this.keyId = keyId;
        this.retired = Map.copyOf(retired);
    }

    @Override
    public InputFingerprint of(String text) {
        return fingerprint(key, keyId, text);
    }

    @Override
    public List<InputFingerprint> underEveryKey(String text) {
        List<InputFingerprint> all = new ArrayList<>(1 + retired.size());
        all.add(of(text));
        retired.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> all.add(fingerprint(entry.getValue(), entry.getKey(), text)));
        return all;
    }

    private static InputFingerprint fingerprint(SecretKeySpec key, String keyId, String text) {
        return new InputFingerprint(
                keyId, HexFormat.of().formatHex(mac(key).doFinal(text.getBytes(StandardCharsets.UTF_8))));
    }

    /** A fresh Mac per call: Mac instances are not thread-safe, and creating one is cheap next to a model call. */
    private static Mac mac(SecretKeySpec key) {
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
