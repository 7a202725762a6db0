package org.attest.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditRecord;
import org.attest.audit.InputFingerprint;
import org.attest.audit.ModelRef;
import org.jspecify.annotations.Nullable;

/**
 * The canonical encoding of an audit row and the chain hash over it, specified here so that an outside verifier
 * can recompute every hash from the {@code audit_event} table alone.
 *
 * <p><b>Encoding.</b> Every stored column except {@code hash} is written as one line, in this fixed order:
 * {@code seq, event_time, event_type, actor_issuer, actor_subject, client_id, request_id, subject_id, input_hmac,
 * input_hmac_key_id, output, confidence, model_name, model_version, model_sha256, model_card_hash,
 * [model_served_version,] redaction_policy_version, decision, rule, prev_hash}. {@code model_served_version} (added
 * by migration V15) has a line only when it is not NULL, so that every row written before it existed — all NULL
 * there — encodes, and hashes, byte for byte as it did; every other column always has its line. A present value is written as
 * {@code <name>=<length>:<value>\n}, where {@code <length>} is the number of UTF-8 bytes of {@code <value>} in
 * decimal ASCII without leading zeros; a NULL column is written as {@code <name>=-\n}. Because a length always
 * starts with a digit, NULL and the empty string ({@code name=0:\n}) differ, and because each value is
 * length-prefixed, a value that contains {@code \n} or {@code name=} cannot shift a field boundary. Values:
 *
 * <ul>
 *   <li>{@code seq}: decimal, no sign, no leading zeros;
 *   <li>{@code event_time}: ISO-8601 in UTC with exactly six fractional digits and a {@code Z}, e.g.
 *       {@code 2025-01-31T09:05:00.120000Z} (PostgreSQL keeps microseconds, so the trail truncates to them);
 *   <li>{@code event_type}: the constant's name, e.g. {@code PREDICTION_RELEASED};
 *   <li>{@code confidence}: Java's {@link Double#toString(double)} — the shortest decimal that reads back as the
 *       same double, e.g. {@code 0.85}, {@code 1.0}, {@code 1.0E-4}; PostgreSQL's {@code float8} (version 12 and
 *       later) returns the same double, so the stored value re-encodes identically;
 *   <li>every other column: its text as stored.
 * </ul>
 *
 * <p><b>Hash.</b> {@code hash = lowercase hex SHA-256 of the UTF-8 bytes of prev_hash + "\n" + encoding}, where
 * {@code prev_hash} is the previous row's {@code hash}, or 64 zeros ({@link #GENESIS}) for {@code seq = 1}.
 */
final class CanonicalEncoding {

    /** The {@code prev_hash} of the first record. */
    static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private CanonicalEncoding() {}

    /** The canonical encoding of a record; its own {@code hash} is not part of it. */
    static String encode(AuditRecord record) {
        return encode(record.sequence(), record.time(), record.event(), record.prevHash());
    }

    /** The canonical encoding of the row that {@code event} becomes at {@code sequence}. */
    static String encode(long sequence, Instant time, AuditEvent event, String prevHash) {
        @Nullable InputFingerprint input = event.input();
        @Nullable ModelRef model = event.model();
        @Nullable Double confidence = event.confidence();
        StringBuilder out = new StringBuilder(512);
        field(out, "seq", Long.toString(sequence));
        field(out, "event_time", TIME.format(time));
        field(out, "event_type", event.type().name());
        field(out, "actor_issuer", event.actor().issuer());
        field(out, "actor_subject", event.actor().subject());
        field(out, "client_id", event.clientId());
        field(out, "request_id", event.requestId());
        field(out, "subject_id", event.subjectId());
        field(out, "input_hmac", input == null ? null : input.hmac());
        field(out, "input_hmac_key_id", input == null ? null : input.keyId());
        field(out, "output", event.output());
        field(out, "confidence", confidence == null ? null : Double.toString(confidence));
        field(out, "model_name", model == null ? null : model.name());
        field(out, "model_version", model == null ? null : model.version());
        field(out, "model_sha256", model == null ? null : model.artifactSha256());
        field(out, "model_card_hash", model == null ? null : model.cardHash());
        if (model != null && model.servedVersion() != null) {
            field(out, "model_served_version", model.servedVersion());
        }
        field(out, "redaction_policy_version", event.redactionPolicyVersion());
        field(out, "decision", event.decision());
        field(out, "rule", event.rule());
        field(out, "prev_hash", prevHash);
        return out.toString();
    }

    /** Lowercase hex SHA-256 of {@code prevHash + "\n" + encoding} in UTF-8. */
    static String hash(String prevHash, String encoding) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(sha256.digest((prevHash + "\n" + encoding).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void field(StringBuilder out, String name, @Nullable String value) {
        out.append(name).append('=');
        if (value == null) {
            out.append('-');
        } else {
            out.append(value.getBytes(StandardCharsets.UTF_8).length)
                    .append(':')
                    .append(value);
        }
        out.append('\n');
    }
}
