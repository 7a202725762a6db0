package org.attest.audit.internal;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditRecord;
import org.attest.audit.ChainVerification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The audit trail's real append path — group committer, chain writer, partitions — built on a data source, for the
 * audit benchmark (it lives in this package to reach the package-private parts).
 */
public final class AuditBenchRig implements AutoCloseable {

    private final GroupCommitter committer;
    private final JdbcClient jdbc;

    public AuditBenchRig(DataSource dataSource, int committers, int maxBatch) {
        this.jdbc = JdbcClient.create(dataSource);
        ChainWriter writer =
                new ChainWriter(new JdbcTemplate(dataSource), Clock.systemUTC(), new AuditPartitions(dataSource));
        this.committer = new GroupCommitter(
                new DataSourceTransactionManager(dataSource),
                dataSource,
                writer,
                new AuditProperties.GroupCommit(committers, maxBatch, 65_536));
    }

    /** Commits one event through the group committer, as a summarize request does. */
    public AuditRecord commit(AuditEvent event, Duration within) {
        return committer.commit(() -> event, within);
    }

    /** Walks the whole chain (no checkpoints). */
    public ChainVerification verify() {
        return new ChainVerifier(jdbc, CheckpointKeyRing.of(java.util.List.of()))
                .verify(CheckpointExport.Exported.NONE);
    }

    /** The mean number of events per committed transaction so far. */
    public double meanGroupSize() {
        return committer.groups() == 0 ? 0 : committer.committedWrites() / (double) committer.groups();
    }

    @Override
    public void close() {
        committer.close();
    }
}
