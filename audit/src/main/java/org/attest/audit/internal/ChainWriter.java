package org.attest.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to the chain inside the current transaction.
 *
 * <p>An append takes a transaction-scoped advisory lock ({@link #APPEND_LOCK}), so appends from every connection and
 * every replica form one line: each reads the head the previous one committed, and the lock is released only when
 * the transaction ends. The transaction must run at READ COMMITTED (PostgreSQL's default): a snapshot taken before
 * the lock was granted would read a stale head, and the insert would then fail rather than fork the chain. A group
 * of events is hashed in memory and inserted with one JDBC batch, so the lock is held for one round trip plus the
 * commit.
 */
final class ChainWriter {

    /**
     * The {@code pg_advisory_xact_lock} key that serializes appends and checkpoints: the ASCII bytes of
     * {@code "attestau"}. Fixed forever, the same in every replica, and used for nothing else.
     */
    static final long APPEND_LOCK = 0x6174_7465_7374_6175L;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditPartitions partitions;

    ChainWriter(JdbcTemplate jdbc, Clock clock, AuditPartitions partitions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.partitions = partitions;
    }

    /** Appends {@code events} in order as consecutive records and returns them as stored. */
    List<AuditRecord> append(List<AuditEvent> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("audit events are appended only inside the transaction they record");
        }
        partitions.ensureFor(clock.instant());
        JdbcClient client = JdbcClient.create(jdbc);
        lock(client);
        Head head = head(client).orElse(Head.GENESIS);
        Instant time = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<AuditRecord> records = new ArrayList<>(events.size());
        long sequence = head.sequence();
        String previous = head.hash();
        for (AuditEvent event : events) {
            sequence++;
            String hash = CanonicalEncoding.hash(previous, CanonicalEncoding.encode(sequence, time, event, previous));
            records.add(new AuditRecord(sequence, time, event, previous, hash));
            previous = hash;
        }
        jdbc.batchUpdate(AuditRows.INSERT, records, records.size(), AuditRows::bind);
        return records;
    }

    /**
     * Takes the chain's lock until the current transaction ends, and makes that transaction's commit wait for its
     * WAL to reach disk whatever the server's {@code synchronous_commit} says: an acknowledged audit row must survive
     * a crash.
     */
    static void lock(JdbcClient jdbc) {
        jdbc.sql("SELECT set_config('synchronous_commit', 'on', true), pg_advisory_xact_lock(:key)")
                .param("key", APPEND_LOCK)
                .query((rs, row) -> rs.getString(1))
                .single();
    }

    /** The last record's position and hash, if the chain has any record. */
    static Optional<Head> head(JdbcClient jdbc) {
        return jdbc.sql("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")
                .query((rs, row) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .optional();
    }

    /**
     * A position in the chain and the hash there; before the first append, the genesis.
     *
     * @param sequence the record's sequence, 0 for the genesis
     * @param hash the record's hash, 64 zeros for the genesis
     */
    record Head(long sequence, String hash) {
        static final Head GENESIS = new Head(0, CanonicalEncoding.GENESIS);
    }
}
