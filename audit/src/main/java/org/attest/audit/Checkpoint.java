package org.attest.audit;

import java.time.Instant;

/**
 * A signed statement of the chain head: "at {@code signedAt}, the row at {@code chainSequence} had hash
 * {@code chainHash}". Signed with Ed25519 by a key that is never stored in the database.
 *
 * @param id gapless checkpoint number from 1
 * @param kind why it was signed
 * @param signedAt when the head was read (UTC, microseconds)
 * @param chainSequence the head's sequence; 0 for an empty chain
 * @param chainHash the head's hash; 64 zeros for an empty chain
 * @param keyId {@code ed25519:} and 16 hex digits of the SHA-256 of the public key
 * @param signature base64 Ed25519 signature of the checkpoint statement
 */
public record Checkpoint(
        long id,
        CheckpointKind kind,
        Instant signedAt,
        long chainSequence,
        String chainHash,
        String keyId,
        String signature) {}
