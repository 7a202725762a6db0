package org.attest.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to the chain inside the current transaction.
 *
 * <p>Appends are serialized by a transaction-scoped advisory lock ({@link #APPEND_LOCK}), so appends from every
 * connection and every replica form one line: each reads the head the previous one committed, and the lock is
 * released only when the transaction ends. The transaction must run at READ COMMITTED (PostgreSQL's default).
 *
 * <p>The critical section is one database call, {@code audit_append} (migration V14): the group is hashed in memory
 * against the head this process last saw committed, and the function takes the lock, reads the head with a fresh
 * snapshot, and inserts the group only if that is the head the hashes assumed. If another replica (or a rolled-back
 * transaction) moved it, nothing is inserted and the actual head comes back: the group is rehashed and the call
 * repeated, the lock still held, so the second call always matches. The lock is thus held for one call plus the
 * commit, and the commit waits for the disk (synchronous_commit is forced on for the transaction).
 */
final class ChainWriter {

    /**
     * The {@code pg_advisory_xact_lock} key that serializes appends and checkpoints: the ASCII bytes of
     * {@code "attestau"}. Fixed forever, the same in every replica and in {@code audit_append}, used for nothing else.
     */
    static final long APPEND_LOCK = 0x6174_7465_7374_6175L;

    /** A head no chain has: the first call of a process learns the real one. */
    private static final Head UNKNOWN = new Head(-1, CanonicalEncoding.GENESIS);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditPartitions partitions;
    private final AtomicReference<Head> lastCommitted = new AtomicReference<>(UNKNOWN);

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
        Instant time = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Head assumed = lastCommitted.get();
        for (int attempt = 0; attempt < 2; attempt++) {
            List<AuditRecord> records = chain(assumed, time, events);
            Outcome outcome = call(assumed, records);
            if (outcome.appended()) {
                Head head = outcome.head();
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        lastCommitted.accumulateAndGet(
                                head, (known, mine) -> mine.sequence() > known.sequence() ? mine : known);
                    }
                });
                return records;
            }
            assumed = outcome.head();
        }
        throw new IllegalStateException("the chain head moved while the chain lock was held");
    }

    private static List<AuditRecord> chain(Head head, Instant time, List<AuditEvent> events) {
        List<AuditRecord> records = new ArrayList<>(events.size());
        long sequence = head.sequence();
        String previous = head.hash();
        for (AuditEvent event : events) {
            sequence++;
            String hash = CanonicalEncoding.hash(previous, CanonicalEncoding.encode(sequence, time, event, previous));
            records.add(new AuditRecord(sequence, time, event, previous, hash));
            previous = hash;
        }
        return records;
    }

    private Outcome call(Head assumed, List<AuditRecord> records) {
        List<Outcome> outcomes = jdbc.query(
                AuditRows.APPEND,
                ps -> {
                    ps.setLong(1, assumed.sequence());
                    ps.setString(2, assumed.hash());
                    AuditRows.bindColumns(ps, records);
                },
                (rs, row) -> new Outcome(
                        rs.getBoolean("appended"), new Head(rs.getLong("head_seq"), rs.getString("head_hash"))));
        if (outcomes.size() != 1) {
            throw new IllegalStateException("audit_append returned " + outcomes.size() + " rows");
        }
        return outcomes.getFirst();
    }

    /**
     * Takes the chain's lock until the current transaction ends, and makes that transaction's commit wait for its
     * WAL to reach disk whatever the server's {@code synchronous_commit} says. For checkpoints and the purge, which
     * read the head themselves.
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

    /** What {@code audit_append} did: inserted the group (and the new head), or not (and the actual head). */
    private record Outcome(boolean appended, Head head) {}
}
