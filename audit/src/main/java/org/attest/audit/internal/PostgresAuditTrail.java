package org.attest.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditRecord;
import org.attest.audit.AuditTrail;
import org.attest.audit.ChainVerification;
import org.attest.audit.InputFingerprint;
import org.attest.audit.ModelRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit trail in PostgreSQL's {@code audit_event} table.
 *
 * <p>An append takes a transaction-scoped advisory lock ({@link #APPEND_LOCK}), so appends from every connection and
 * every replica form one line: each reads the head the previous one committed, and the lock is released only when
 * the caller's transaction ends. The caller's transaction must run at READ COMMITTED (PostgreSQL's default): a
 * snapshot taken before the lock was granted would read a stale head, and the insert would then fail on the
 * primary key rather than fork the chain.
 */
@Component
class PostgresAuditTrail implements AuditTrail {

    /**
     * The {@code pg_advisory_xact_lock} key that serializes appends: the ASCII bytes of {@code "attestau"}. Fixed
     * forever, the same in every replica, and used for nothing else.
     */
    static final long APPEND_LOCK = 0x6174_7465_7374_6175L;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChainVerifier verifier;

    PostgresAuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.verifier = new ChainVerifier(jdbc);
    }

    @Override
    public AuditRecord append(AuditEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("audit events are appended only inside the transaction they record");
        }
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(:key)")
                .param("key", APPEND_LOCK)
                .query(Integer.class)
                .single();
        Head head = head().orElse(Head.GENESIS);
        long sequence = head.sequence() + 1;
        Instant time = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = CanonicalEncoding.hash(head.hash(), CanonicalEncoding.encode(sequence, time, event, head.hash()));
        AuditRecord record = new AuditRecord(sequence, time, event, head.hash(), hash);
        insert(record);
        return record;
    }

    @Override
    public ChainVerification verify() {
        return verifier.verify();
    }

    @Override
    public List<AuditRecord> findByRequestId(String requestId) {
        return jdbc.sql("SELECT " + AuditRows.COLUMNS + " FROM audit_event WHERE request_id = :requestId ORDER BY seq")
                .param("requestId", requestId)
                .query(AuditRows::map)
                .list();
    }

    private Optional<Head> head() {
        return jdbc.sql("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")
                .query((rs, row) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .optional();
    }

    private void insert(AuditRecord record) {
        AuditEvent event = record.event();
        InputFingerprint input = event.input();
        ModelRef model = event.model();
        jdbc.sql("""
                        INSERT INTO audit_event (seq, event_time, event_type, actor_issuer, actor_subject, client_id,
                            request_id, subject_id, input_hmac, input_hmac_key_id, output, confidence, model_name,
                            model_version, model_sha256, model_card_hash, redaction_policy_version, decision, rule,
                            prev_hash, hash)
                        VALUES (:seq, :time, :type, :issuer, :subject, :clientId, :requestId, :subjectId, :inputHmac,
                            :inputKeyId, :output, :confidence, :modelName, :modelVersion, :modelSha256, :cardHash,
                            :redactionPolicy, :decision, :rule, :prevHash, :hash)
                        """)
                .param("seq", record.sequence())
                .param("time", OffsetDateTime.ofInstant(record.time(), ZoneOffset.UTC))
                .param("type", event.type().name())
                .param("issuer", event.actor().issuer())
                .param("subject", event.actor().subject())
                .param("clientId", event.clientId())
                .param("requestId", event.requestId())
                .param("subjectId", event.subjectId())
                .param("inputHmac", input == null ? null : input.hmac())
                .param("inputKeyId", input == null ? null : input.keyId())
                .param("output", event.output())
                .param("confidence", event.confidence())
                .param("modelName", model == null ? null : model.name())
                .param("modelVersion", model == null ? null : model.version())
                .param("modelSha256", model == null ? null : model.artifactSha256())
                .param("cardHash", model == null ? null : model.cardHash())
                .param("redactionPolicy", event.redactionPolicyVersion())
                .param("decision", event.decision())
                .param("rule", event.rule())
                .param("prevHash", record.prevHash())
                .param("hash", record.hash())
                .update();
    }

    /** The last record's position and hash; before the first append, the genesis. */
    private record Head(long sequence, String hash) {
        static final Head GENESIS = new Head(0, CanonicalEncoding.GENESIS);
    }
}
