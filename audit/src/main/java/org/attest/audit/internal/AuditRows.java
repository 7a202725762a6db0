package org.attest.audit.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.attest.audit.Actor;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditEventType;
import org.attest.audit.AuditRecord;
import org.attest.audit.InputFingerprint;
import org.attest.audit.ModelRef;
import org.jspecify.annotations.Nullable;

/** Writes records into {@code audit_event} rows and reads them back. */
final class AuditRows {

    /** Every column, in the order of the canonical encoding, then the hash. */
    static final String COLUMNS = """
            seq, event_time, event_type, actor_issuer, actor_subject, client_id, request_id, subject_id, input_hmac,
            input_hmac_key_id, output, confidence, model_name, model_version, model_sha256, model_card_hash,
            redaction_policy_version, decision, rule, prev_hash, hash""";

    static final String INSERT = "INSERT INTO audit_event (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private AuditRows() {}

    /** Binds a record to the 21 parameters of {@link #INSERT}. */
    static void bind(PreparedStatement ps, AuditRecord record) throws SQLException {
        AuditEvent event = record.event();
        InputFingerprint input = event.input();
        ModelRef model = event.model();
        Double confidence = event.confidence();
        ps.setLong(1, record.sequence());
        ps.setObject(2, OffsetDateTime.ofInstant(record.time(), ZoneOffset.UTC));
        ps.setString(3, event.type().name());
        ps.setString(4, event.actor().issuer());
        ps.setString(5, event.actor().subject());
        ps.setString(6, event.clientId());
        ps.setString(7, event.requestId());
        ps.setString(8, event.subjectId());
        ps.setString(9, input == null ? null : input.hmac());
        ps.setString(10, input == null ? null : input.keyId());
        ps.setString(11, event.output());
        if (confidence == null) {
            ps.setNull(12, Types.DOUBLE);
        } else {
            ps.setDouble(12, confidence);
        }
        ps.setString(13, model == null ? null : model.name());
        ps.setString(14, model == null ? null : model.version());
        ps.setString(15, model == null ? null : model.artifactSha256());
        ps.setString(16, model == null ? null : model.cardHash());
        ps.setString(17, event.redactionPolicyVersion());
        ps.setString(18, event.decision());
        ps.setString(19, event.rule());
        ps.setString(20, record.prevHash());
        ps.setString(21, record.hash());
    }

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

    private static @Nullable ModelRef model(ResultSet rs, String name) throws SQLException {
        return new ModelRef(
                name, rs.getString("model_version"), rs.getString("model_sha256"), rs.getString("model_card_hash"));
    }
}
