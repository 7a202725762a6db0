package org.attest.audit.internal;

import java.time.Duration;
import java.util.List;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditRecord;
import org.attest.audit.AuditTrail;
import org.attest.audit.AuditedWrite;
import org.attest.audit.ChainVerification;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail in PostgreSQL's {@code audit_event} table: single appends in the caller's transaction through the
 * {@link ChainWriter}, grouped commits through the {@link GroupCommitter}, verification through the
 * {@link ChainVerifier} with the trusted checkpoint keys and the exported checkpoints.
 */
class PostgresAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;
    private final ChainWriter writer;
    private final GroupCommitter committer;
    private final CheckpointKeyRing keys;
    private final CheckpointExport export;

    PostgresAuditTrail(
            JdbcClient jdbc,
            ChainWriter writer,
            GroupCommitter committer,
            CheckpointKeyRing keys,
            CheckpointExport export) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.committer = committer;
        this.keys = keys;
        this.export = export;
    }

    @Override
    public AuditRecord append(AuditEvent event) {
        return writer.append(List.of(event)).getFirst();
    }

    @Override
    public AuditRecord commit(AuditedWrite write, Duration within) {
        return committer.commit(write, within);
    }

    @Override
    public ChainVerification verify() {
        return new ChainVerifier(jdbc, keys).verify(export.readAll());
    }

    @Override
    public List<AuditRecord> findByRequestId(String requestId) {
        return jdbc.sql("SELECT " + AuditRows.COLUMNS + " FROM audit_event WHERE request_id = :requestId ORDER BY seq")
                .param("requestId", requestId)
                .query(AuditRows::map)
                .list();
    }
}
