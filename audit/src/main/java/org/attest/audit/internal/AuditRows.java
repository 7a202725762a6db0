package org.attest.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.attest.audit.Actor;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditEventType;
import org.attest.audit.AuditRecord;
import org.attest.audit.InputFingerprint;
import org.attest.audit.ModelRef;

/** Reads {@code audit_event} rows back into records. */
final class AuditRows {

    /** Every column, in the order of the canonical encoding, then the hash. */
    static final String COLUMNS = """
            seq, event_time, event_type, actor_issuer, actor_subject, client_id, request_id, subject_id, input_hmac,
            input_hmac_key_id, output, confidence, model_name, model_version, model_sha256, model_card_hash,
            redaction_policy_version, decision, rule, prev_hash, hash""";

    private AuditRows() {}

    /**
     * The record in the current row.
     *
     * @throws IllegalArgumentException when the row holds what no append writes (an unknown event type, a blank
     *     actor): it was edited behind the trail's back
     */
    static AuditRecord map(ResultSet rs, int rowNum) throws SQLException {
        String inputHmac = rs.getString("input_hmac");
        String inputKeyId = rs.getString("input_hmac_key_id");
        String modelName = rs.getString("model_name");
        double confidence = rs.getDouble("confidence");
        boolean noConfidence = rs.wasNull();
        AuditEvent event = new AuditEvent(
                AuditEventType.valueOf(rs.getString("event_type")),
                new Actor(rs.getString("actor_issuer"), rs.getString("actor_subject")),
                rs.getString("client_id"),
                rs.getString("request_id"),
                rs.getString("subject_id"),
                inputHmac == null || inputKeyId == null ? null : new InputFingerprint(inputKeyId, inputHmac),
                rs.getString("output"),
                noConfidence ? null : confidence,
                modelName == null ? null : model(rs, modelName),
                rs.getString("redaction_policy_version"),
                rs.getString("decision"),
                rs.getString("rule"));
        return new AuditRecord(
                rs.getLong("seq"),
                rs.getObject("event_time", OffsetDateTime.class).toInstant(),
                event,
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    private static ModelRef model(ResultSet rs, String name) throws SQLException {
        return new ModelRef(
                name, rs.getString("model_version"), rs.getString("model_sha256"), rs.getString("model_card_hash"));
    }
}
