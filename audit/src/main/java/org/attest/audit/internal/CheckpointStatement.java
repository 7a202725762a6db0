package org.attest.audit.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attest.audit.Checkpoint;
import org.attest.audit.CheckpointKind;

/**
 * The text a checkpoint's signature covers, and the exported file that carries it.
 *
 * <p><b>Statement</b> (UTF-8, every line ends with {@code \n}, in this order):
 *
 * <pre>
 * attest-audit-checkpoint/1
 * id=&lt;decimal&gt;
 * kind=&lt;PERIODIC | ON_DEMAND | PURGE&gt;
 * signed_at=&lt;ISO-8601 UTC, six fractional digits, Z&gt;
 * chain_seq=&lt;decimal&gt;
 * chain_hash=&lt;64 lowercase hex&gt;
 * key_id=ed25519:&lt;16 lowercase hex&gt;
 * </pre>
 *
 * <p>The signature is Ed25519 (RFC 8032) over those bytes, stored and exported as standard base64. The exported
 * file {@code attest-checkpoint-<id, 12 digits>.txt} is the statement followed by {@code signature=<base64>\n}, so
 * that {@code openssl pkeyutl -verify -rawin} can check it without Attest.
 */
final class CheckpointStatement {

    static final String HEADER = "attest-audit-checkpoint/1";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final List<String> KEYS =
            List.of("id", "kind", "signed_at", "chain_seq", "chain_hash", "key_id", "signature");

    private CheckpointStatement() {}

    /** The signed statement of a checkpoint (its signature is not part of it). */
    static String of(Checkpoint checkpoint) {
        return HEADER + "\n"
                + "id=" + checkpoint.id() + "\n"
                + "kind=" + checkpoint.kind().name() + "\n"
                + "signed_at=" + TIME.format(checkpoint.signedAt()) + "\n"
                + "chain_seq=" + checkpoint.chainSequence() + "\n"
                + "chain_hash=" + checkpoint.chainHash() + "\n"
                + "key_id=" + checkpoint.keyId() + "\n";
    }

    /** The exported file's text: the statement, then the signature line. */
    static String file(Checkpoint checkpoint) {
        return of(checkpoint) + "signature=" + checkpoint.signature() + "\n";
    }

    static String fileName(long id) {
        return String.format("attest-checkpoint-%012d.txt", id);
    }

    /**
     * Reads an exported file back.
     *
     * @throws IllegalArgumentException when it is not in the exported form
     */
    static Checkpoint parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length != KEYS.size() + 2 || !lines[0].equals(HEADER) || !lines[lines.length - 1].isEmpty()) {
            throw new IllegalArgumentException("not an exported checkpoint");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < KEYS.size(); i++) {
            String line = lines[i + 1];
            String key = KEYS.get(i);
            if (!line.startsWith(key + "=")) {
                throw new IllegalArgumentException("checkpoint line " + (i + 2) + " is not " + key);
            }
            values.put(key, line.substring(key.length() + 1));
        }
        try {
            return new Checkpoint(
                    Long.parseLong(values.get("id")),
                    CheckpointKind.valueOf(values.get("kind")),
                    Instant.parse(values.get("signed_at")),
                    Long.parseLong(values.get("chain_seq")),
                    values.get("chain_hash"),
                    values.get("key_id"),
                    values.get("signature"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("checkpoint values are malformed");
        }
    }
}
