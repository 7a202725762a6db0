package org.attest.audit.internal;

import java.time.Clock;
import java.util.List;
import org.attest.audit.AuditCheckpoints;
import org.attest.audit.AuditUnavailableException;
import org.attest.audit.Checkpoint;
import org.attest.audit.CheckpointKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs the chain head under the chain lock, stores the checkpoint, and exports it once it has committed. A failed
 * export is logged and retried by the schedule ({@link CheckpointExport#writeMissing}); the database row stays.
 */
class PostgresCheckpoints implements AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(PostgresCheckpoints.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SigningKey key;
    private final CheckpointExport export;
    private final Clock clock;
    private long exportedThrough;

    PostgresCheckpoints(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            SigningKey key,
            CheckpointExport export,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setTimeout(10);
        this.key = key;
        this.export = export;
        this.clock = clock;
    }

    @Override
    public Checkpoint signNow() {
        return sign(CheckpointKind.ON_DEMAND);
    }

    Checkpoint sign(CheckpointKind kind) {
        Checkpoint checkpoint;
        try {
            checkpoint = transaction.execute(status -> {
                ChainWriter.lock(jdbc);
                ChainWriter.Head head = ChainWriter.head(jdbc).orElse(ChainWriter.Head.GENESIS);
                return CheckpointLedger.insert(jdbc, kind, head, key, clock);
            });
        } catch (DataAccessException e) {
            throw new AuditUnavailableException("the checkpoint could not be stored", e);
        }
        if (checkpoint == null) {
            throw new IllegalStateException("checkpoint transaction returned nothing");
        }
        try {
            export.write(checkpoint);
        } catch (RuntimeException e) {
            log.warn("checkpoint {} is stored but not exported yet: {}", checkpoint.id(), e.getMessage());
        }
        return checkpoint;
    }

    @Override
    public List<Checkpoint> latest(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return CheckpointLedger.latest(jdbc, limit);
    }

    /** Exports every stored checkpoint that has no file yet (all of them once, then the newer ones). */
    synchronized int exportMissing() {
        List<Checkpoint> newer = CheckpointLedger.after(jdbc, exportedThrough);
        int written = export.writeMissing(newer);
        if (!newer.isEmpty()) {
            exportedThrough = newer.getLast().id();
        }
        return written;
    }
}
