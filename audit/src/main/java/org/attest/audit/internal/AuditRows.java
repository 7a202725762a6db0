package org.attest.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
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
            model_served_version, redaction_policy_version, decision, rule, prev_hash, hash""";

    /**
     * The critical section of an append in one call (migration V15's {@code audit_append}, V14's with the served
     * version): lock, check the head the hashes were computed against, insert the whole group from one array per
     * column. The first two parameters are the expected head.
     */
    static final String APPEND = "SELECT appended, head_seq, head_hash FROM audit_append(?, ?, ?::bigint[],"
            + " ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::float8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[])";

    private AuditRows() {}

    /** Binds records, column by column, to the 22 array parameters of {@link #APPEND} from parameter 3 on. */
    static void bindColumns(PreparedStatement ps, List<AuditRecord> records) throws SQLException {
        int n = records.size();
        Long[] seq = new Long[n];
        Double[] confidence = new Double[n];
        String[][] text = new String[20][n];
        for (int i = 0; i < n; i++) {
            AuditRecord record = records.get(i);
            AuditEvent event = record.event();
            InputFingerprint input = event.input();
            ModelRef model = event.model();
            seq[i] = record.sequence();
            confidence[i] = event.confidence();
            text[0][i] = record.time().toString();
            text[1][i] = event.type().name();
            text[2][i] = event.actor().issuer();
            text[3][i] = event.actor().subject();
            text[4][i] = event.clientId();
            text[5][i] = event.requestId();
            text[6][i] = event.subjectId();
            text[7][i] = input == null ? null : input.hmac();
            text[8][i] = input == null ? null : input.keyId();
            text[9][i] = event.output();
            text[10][i] = model == null ? null : model.name();
            text[11][i] = model == null ? null : model.version();
            text[12][i] = model == null ? null : model.artifactSha256();
            text[13][i] = model == null ? null : model.cardHash();
            text[14][i] = model == null ? null : model.servedVersion();
            text[15][i] = event.redactionPolicyVersion();
            text[16][i] = event.decision();
            text[17][i] = event.rule();
            text[18][i] = record.prevHash();
            text[19][i] = record.hash();
        }
        Connection connection = ps.getConnection();
        ps.setArray(3, connection.createArrayOf("bigint", seq));
        for (int column = 0; column < 10; column++) {
            ps.setArray(4 + column, connection.createArrayOf("text", text[column]));
        }
        ps.setArray(14, connection.createArrayOf("float8", confidence));
        for (int column = 10; column < 20; column++) {
            ps.setArray(5 + column, connection.createArrayOf("text", text[column]));
        }
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
                model(rs, modelName),
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

    private static @Nullable ModelRef model(ResultSet rs, @Nullable String name) throws SQLException {
        String servedVersion = rs.getString("model_served_version");
        if (name == null) {
            if (servedVersion != null) {
                // dropped silently, it would leave the encoding, and so the hash, as if the column were NULL
                throw new IllegalArgumentException("a served model version without a model");
            }
            return null;
        }
        return new ModelRef(
                name,
                rs.getString("model_version"),
                rs.getString("model_sha256"),
                rs.getString("model_card_hash"),
                servedVersion);
    }
}
