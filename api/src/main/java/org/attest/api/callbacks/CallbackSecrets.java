package org.attest.api.callbacks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Seals each client's callback signing secret before it is stored, so that a copy of the database (a backup, a
 * replica, a read-only login) does not let anyone forge the server's notifications: AES-256-GCM under a key kept
 * outside the database ({@code attest.callbacks.sealing}), with the client id as associated data, so that a sealed
 * secret moved to another client's row does not open. Stored as {@code sealed:v1:<key id>:<base64 of nonce ‖
 * ciphertext ‖ tag>}; rows sealed under a retired key still open, and {@link CallbackRegistrations#resealAll} moves
 * them (and rows stored before sealing existed, in plain text) to the current key at startup. Never logs or throws
 * key material or a secret.
 */
@Component
final class CallbackSecrets {

    static final String PREFIX = "sealed:v1:";

    private static final Logger log = LoggerFactory.getLogger(CallbackSecrets.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String keyId;
    private final SecretKey key;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    CallbackSecrets(CallbackProperties properties) {
        CallbackProperties.Sealing sealing = properties.sealing();
        this.keyId = sealing.keyId();
        if (keyId.isBlank() || keyId.contains(":")) {
            throw new IllegalStateException("attest.callbacks.sealing.key-id must be non-blank and without ':'");
        }
        this.key = resolve(sealing);
        sealing.retiredKeys().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> keys.put(
                        e.getKey(), decode(e.getValue(), "attest.callbacks.sealing.retired-keys." + e.getKey())));
        if (keys.containsKey(keyId)) {
            throw new IllegalStateException("attest.callbacks.sealing.retired-keys names the current key id '" + keyId
                    + "': give a rotated key a new id");
        }
        keys.put(keyId, key);
    }

    /** The secret sealed for storage in the client's row. */
    String seal(String clientId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, clientId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "callback secret cannot be sealed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The secret of a stored value: opened when sealed, as is when it was stored in plain text before sealing.
     *
     * @throws IllegalStateException when it is sealed under an unknown key, or for another client, or altered
     */
    String open(String clientId, String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new IllegalStateException("callback secret of client " + clientId + " is malformed");
        }
        String id = stored.substring(PREFIX.length(), colon);
        SecretKey sealingKey = keys.get(id);
        if (sealingKey == null) {
            throw new IllegalStateException("callback secret of client " + clientId + " is sealed under key '" + id
                    + "', which is neither the current nor a retired key");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
            if (bytes.length <= NONCE_BYTES) {
                throw new IllegalStateException("callback secret of client " + clientId + " is malformed");
            }
            byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, sealingKey, nonce, clientId);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "callback secret of client " + clientId + " does not open (altered, or sealed for another client)");
        }
    }

    /** Whether a stored value is sealed under the current key (else {@link CallbackRegistrations#resealAll} redoes it). */
    boolean sealedWithCurrentKey(String stored) {
        return stored.startsWith(PREFIX + keyId + ":");
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String clientId)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("client_callback:" + clientId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** The configured key, else the key file, else (when allowed) a new random key written to the key file. */
    private static SecretKey resolve(CallbackProperties.Sealing sealing) {
        if (sealing.key() != null && !sealing.key().isBlank()) {
            return decode(sealing.key(), "attest.callbacks.sealing.key");
        }
        Path file = sealing.keyFile();
        try {
            if (Files.isRegularFile(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII), "key file " + file.toAbsolutePath());
            }
            if (!sealing.generateMissingKey()) {
                throw new IllegalStateException("no callback sealing key: set attest.callbacks.sealing.key (base64, "
                        + KEY_BYTES + " bytes) or provide the key file " + file.toAbsolutePath());
            }
            byte[] generated = new byte[KEY_BYTES];
            RANDOM.nextBytes(generated);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path created =
                    FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                            ? Files.createFile(
                                    file,
                                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                            : Files.createFile(file);
            Files.writeString(created, Base64.getEncoder().encodeToString(generated) + "\n");
            log.info(
                    "Generated a new callback sealing key '{}' in {}; back it up apart from the database",
                    sealing.keyId(),
                    file.toAbsolutePath());
            return new SecretKeySpec(generated, "AES");
        } catch (FileAlreadyExistsException e) {
            return resolve(sealing); // another instance wrote it first: use that one
        } catch (IOException e) {
            throw new IllegalStateException(
                    "callback sealing key file " + file.toAbsolutePath() + " cannot be read or written", e);
        }
    }

    private static SecretKey decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            // the decoder's message may quote the offending characters: drop it
            throw new IllegalStateException("callback sealing key from " + source + " is not valid base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(
                    "callback sealing key from " + source + " must be " + KEY_BYTES + " bytes (AES-256)");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
