package org.attest.audit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.attest.audit.Checkpoint;

/**
 * The public keys a verifier trusts, by key id: the current signing key and the retired ones that signed older
 * checkpoints. A checkpoint verifies when the key its {@code keyId} names is in the ring and the signature of its
 * statement holds under that key.
 */
final class CheckpointKeyRing {

    private final Map<String, PublicKey> keys;

    private CheckpointKeyRing(Map<String, PublicKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    static CheckpointKeyRing of(Collection<PublicKey> keys) {
        Map<String, PublicKey> byId = new LinkedHashMap<>();
        keys.forEach(key -> byId.put(keyId(key), key));
        return new CheckpointKeyRing(byId);
    }

    /** {@code ed25519:} and the first 16 hex digits of the SHA-256 of the key's X.509 encoding. */
    static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "ed25519:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Reads a PEM (or bare base64) X.509 Ed25519 public key. */
    static PublicKey readPublicKey(Path file) {
        try {
            return publicKey(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException("public key file " + file.toAbsolutePath() + " cannot be read", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("public key file " + file.toAbsolutePath() + " is not an Ed25519 key");
        }
    }

    static PublicKey publicKey(String text) {
        try {
            return KeyFactory.getInstance(SigningKey.ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Pem.decode(Pem.PUBLIC_KEY, text)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
    }

    Set<String> keyIds() {
        return keys.keySet();
    }

    boolean verifies(Checkpoint checkpoint) {
        PublicKey key = keys.get(checkpoint.keyId());
        if (key == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(SigningKey.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(CheckpointStatement.of(checkpoint).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // a malformed signature is a signature that does not verify
            return false;
        }
    }
}
