package org.attest.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ed25519 key that signs checkpoints: from the settings (PEM or base64 PKCS#8, e.g. an environment variable),
 * else the key file, else — when allowed — a new key pair written to the key file and its {@code .pub} sibling.
 * Never from the database, and never echoed into a message or a log line.
 */
final class SigningKey {

    static final String ALGORITHM = "Ed25519";

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private SigningKey(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        this.keyId = CheckpointKeyRing.keyId(publicKey);
    }

    /**
     * The key the settings point at.
     *
     * @throws IllegalStateException when there is no usable key and none may be generated: startup must stop
     */
    static SigningKey resolve(AuditProperties.CheckpointSettings settings) {
        String configured = settings.signingKey();
        if (configured != null && !configured.isBlank()) {
            return fromPem(configured, "attest.audit.checkpoint.signing-key");
        }
        Path file = settings.signingKeyFile();
        if (Files.isRegularFile(file)) {
            return read(file);
        }
        if (!settings.generateMissingKey()) {
            throw new IllegalStateException("no checkpoint signing key: set attest.audit.checkpoint.signing-key "
                    + "(Ed25519 PKCS#8, PEM or base64) or provide the key file " + file.toAbsolutePath());
        }
        return generate(file);
    }

    static SigningKey read(Path file) {
        try {
            return fromPem(Files.readString(file, StandardCharsets.US_ASCII), "key file " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException("checkpoint key file " + file.toAbsolutePath() + " cannot be read", e);
        }
    }

    /** A new random key pair. */
    static SigningKey generate() {
        try {
            return new SigningKey(KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JVM", e);
        }
    }

    static SigningKey fromPem(String text, String source) {
        try {
            byte[] der = Pem.decode(Pem.PRIVATE_KEY, text);
            PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
            return new SigningKey(withPublicKey(key));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // messages of the key parsers may quote key bytes: drop them
            throw new IllegalStateException("checkpoint signing key from " + source + " is not an Ed25519 PKCS#8 key");
        }
    }

    /**
     * The JDK derives an Ed25519 public key only while generating a pair: generating from the private key's own
     * seed yields that key again together with its public key.
     */
    private static KeyPair withPublicKey(PrivateKey key) throws GeneralSecurityException {
        byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow(() -> new GeneralSecurityException("no seed"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
        KeyPair pair = generator.generateKeyPair();
        if (!Arrays.equals(pair.getPrivate().getEncoded(), key.getEncoded())) {
            throw new GeneralSecurityException("derived key differs");
        }
        return pair;
    }

    private static SigningKey generate(Path file) {
        SigningKey key = generate();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(createOwnerOnly(file), key.privatePem(), StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            // another instance sharing the directory won the race: sign with its key
            return read(file);
        } catch (IOException e) {
            throw new IllegalStateException("checkpoint key file " + file.toAbsolutePath() + " cannot be written", e);
        }
        Path publicFile = file.resolveSibling(file.getFileName() + ".pub");
        try {
            Files.writeString(publicFile, key.publicPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("public key file " + publicFile.toAbsolutePath() + " cannot be written", e);
        }
        log.info(
                "Generated a new checkpoint signing key {} in {} (public key in {}); keep the public key outside the "
                        + "database for verifiers",
                key.keyId(),
                file.toAbsolutePath(),
                publicFile.toAbsolutePath());
        return key;
    }

    private static Path createOwnerOnly(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createFile(
                    file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createFile(file);
    }

    String keyId() {
        return keyId;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    /** The base64 Ed25519 signature of the UTF-8 bytes of {@code statement}. */
    String sign(String statement) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(statement.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    String privatePem() {
        return Pem.encode(Pem.PRIVATE_KEY, privateKey.getEncoded());
    }

    String publicPem() {
        return Pem.encode(Pem.PUBLIC_KEY, publicKey.getEncoded());
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + "]";
    }

    /** A "random" source that hands out a fixed seed, to regenerate a known key pair. */
    private static final class FixedSeed extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("unexpected seed length");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
