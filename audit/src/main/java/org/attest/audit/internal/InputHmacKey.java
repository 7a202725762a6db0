package org.attest.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the server key for input fingerprints: the configured key, else the key file, else (when allowed) a new
 * random key written to the key file. Nothing here ever puts key material into a message or a log line.
 */
final class InputHmacKey {

    static final String ALGORITHM = "HmacSHA256";
    static final int MINIMUM_BYTES = 32;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Logger log = LoggerFactory.getLogger(InputHmacKey.class);

    private InputHmacKey() {}

    /**
     * The key the settings point at.
     *
     * @throws IllegalStateException when there is no usable key and none may be generated: startup must stop
     */
    static SecretKeySpec resolve(AuditProperties properties) {
        String configured = properties.inputHmacKey();
        if (configured != null && !configured.isBlank()) {
            return decode(configured, "attest.audit.input-hmac-key");
        }
        Path file = properties.inputHmacKeyFile();
        if (Files.isRegularFile(file)) {
            return read(file);
        }
        if (!properties.generateMissingKey()) {
            throw new IllegalStateException("no input HMAC key: set attest.audit.input-hmac-key (base64, at least "
                    + MINIMUM_BYTES + " bytes) or provide the key file " + file.toAbsolutePath());
        }
        return generate(file, properties.inputHmacKeyId());
    }

    /** The retired keys of the settings by id; each is checked like the current key, without being echoed. */
    static Map<String, SecretKeySpec> retired(AuditProperties properties) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        properties.retiredInputHmacKeys().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> keys.put(
                        entry.getKey(),
                        decode(entry.getValue(), "attest.audit.retired-input-hmac-keys." + entry.getKey())));
        if (keys.containsKey(properties.inputHmacKeyId())) {
            throw new IllegalStateException("attest.audit.retired-input-hmac-keys names the current key id '"
                    + properties.inputHmacKeyId() + "': give a rotated key a new id");
        }
        return keys;
    }

    private static SecretKeySpec read(Path file) {
        try {
            return decode(Files.readString(file, StandardCharsets.US_ASCII), "key file " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException("input HMAC key file " + file.toAbsolutePath() + " cannot be read", e);
        }
    }

    private static SecretKeySpec generate(Path file, String keyId) {
        byte[] key = new byte[MINIMUM_BYTES];
        new SecureRandom().nextBytes(key);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(createOwnerOnly(file), Base64.getEncoder().encodeToString(key) + "\n");
        } catch (FileAlreadyExistsException e) {
            // another instance sharing the directory won the race: use its key, so both fingerprint alike
            return read(file);
        } catch (IOException e) {
            throw new IllegalStateException("input HMAC key file " + file.toAbsolutePath() + " cannot be written", e);
        }
        log.info(
                "Generated a new input HMAC key '{}' in {}; back it up with the database",
                keyId,
                file.toAbsolutePath());
        return new SecretKeySpec(key, ALGORITHM);
    }

    /** Creates the file readable and writable by its owner only where the file system knows POSIX permissions. */
    private static Path createOwnerOnly(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<?> ownerOnly =
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            return Files.createFile(file, ownerOnly);
        }
        return Files.createFile(file);
    }

    private static SecretKeySpec decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(WHITESPACE.matcher(base64).replaceAll(""));
        } catch (IllegalArgumentException e) {
            // the decoder's message may quote the offending characters: drop it
            throw new IllegalStateException("input HMAC key from " + source + " is not valid base64");
        }
        if (key.length < MINIMUM_BYTES) {
            throw new IllegalStateException(
                    "input HMAC key from " + source + " is shorter than " + MINIMUM_BYTES + " bytes");
        }
        return new SecretKeySpec(key, ALGORITHM);
    }
}
