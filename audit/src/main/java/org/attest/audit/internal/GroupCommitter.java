package org.attest.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.attest.audit.AuditEvent;
import org.attest.audit.AuditRecord;
import org.attest.audit.AuditUnavailableException;
import org.attest.audit.AuditedWrite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Commits many callers' writes and their audit events in one transaction (group commit).
 *
 * <p>A caller puts its {@link AuditedWrite} in a bounded queue and waits. A committer thread takes up to
 * {@code maxBatch} waiting writes, opens one transaction, runs each write (a summary, a review item), appends all
 * their events to the chain under the chain lock with one batched insert, commits, and only then answers each
 * caller with its record. Nothing is answered before the commit, so no output leaves without its audit row, and
 * the chain lock is held only for the insert and the commit — one flush to disk for the whole group. The lock is
 * held through that flush (PostgreSQL releases locks after it), so a group's size, not parallel commits, is what
 * buys throughput: with one committer a group is everything that arrived during the previous flush.
 *
 * <p>Bounds: a full queue refuses at once; a write not taken before its deadline (less a margin) is cancelled and
 * never written; a taken group's database calls are bounded by its earliest deadline (server-side statement
 * timeout and client-side network timeout), so a hanging database fails the group instead of hanging it. A write
 * that throws fails alone: its group is rolled back and the others run again without it.
 */
final class GroupCommitter implements AutoCloseable {

    /** How much longer a caller waits for a group that already holds its write, past its own deadline. */
    static final Duration IN_FLIGHT_GRACE = Duration.ofMillis(500);

    /** A write with less time left than this is not started: it could not finish. */
    private static final long MIN_REMAINING_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

    private final BlockingQueue<PendingWrite> queue;
    private final PlatformTransactionManager transactions;
    private final DataSource dataSource;
    private final ChainWriter writer;
    private final int maxBatch;
    private final List<Thread> committers = new ArrayList<>();
    private final LongAdder groups = new LongAdder();
    private final LongAdder committedWrites = new LongAdder();
    private volatile boolean running = true;

    GroupCommitter(
            PlatformTransactionManager transactions,
            DataSource dataSource,
            ChainWriter writer,
            AuditProperties.GroupCommit settings) {
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.writer = writer;
        this.maxBatch = settings.maxBatch();
        for (int i = 0; i < settings.committers(); i++) {
            Thread committer = new Thread(this::commitWhileRunning, "audit-committer-" + i);
            committer.setDaemon(true);
            committers.add(committer);
            committer.start();
        }
    }

    /** Queues {@code write} and waits for its group's commit, at most {@code within} (plus the in-flight grace). */
    AuditRecord commit(AuditedWrite write, Duration within) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a grouped audit commit runs in its own transaction: call it outside one");
        }
        if (!running) {
            throw new AuditUnavailableException("the audit trail is shutting down");
        }
        PendingWrite pending = new PendingWrite(write, System.nanoTime() + within.toNanos());
        if (!queue.offer(pending)) {
            throw new AuditUnavailableException("the audit queue is full");
        }
        return pending.await(IN_FLIGHT_GRACE.toNanos());
    }

    private void commitWhileRunning() {
        while (running) {
            try {
                PendingWrite first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<PendingWrite> drained = new ArrayList<>(maxBatch);
                    drained.add(first);
                    queue.drainTo(drained, maxBatch - 1);
                    commitGroup(drained);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // a committer must outlive any failure: the group's callers have been answered already
                log.error(
                        "audit committer failed unexpectedly: {}", e.getClass().getName());
            }
        }
    }

    /** Opens the group's transaction first, so that writes stay cancellable while the database is slow to answer. */
    private void commitGroup(List<PendingWrite> drained) {
        TransactionStatus transaction;
        try {
            transaction = transactions.getTransaction(new DefaultTransactionDefinition());
        } catch (RuntimeException e) {
            failAll(claim(drained), unavailable(e));
            return;
        }
        List<PendingWrite> group = claim(drained);
        if (group.isEmpty()) {
            transactions.rollback(transaction);
            return;
        }
        commitClaimed(transaction, group);
    }

    /** Takes every write that is still queued and has time left; fails the ones that are out of time. */
    private static List<PendingWrite> claim(List<PendingWrite> drained) {
        List<PendingWrite> group = new ArrayList<>(drained.size());
        long now = System.nanoTime();
        for (PendingWrite pending : drained) {
            if (pending.deadlineNanos() - now < MIN_REMAINING_NANOS) {
                if (pending.cancel()) {
                    pending.failed(new AuditUnavailableException("the audit event was not committed in time"));
                }
            } else if (pending.take()) {
                group.add(pending);
            }
        }
        return group;
    }

    private void commitClaimed(TransactionStatus transaction, List<PendingWrite> group) {
        List<AuditRecord> records;
        try {
            bound(group);
            List<AuditEvent> events = new ArrayList<>(group.size());
            for (PendingWrite pending : group) {
                AuditEvent event;
                try {
                    event = pending.write().write();
                } catch (RuntimeException failure) {
                    transactions.rollback(transaction);
                    pending.failed(failure);
                    retryWithout(pending, group);
                    return;
                }
                events.add(event);
            }
            records = writer.append(events);
            transactions.commit(transaction);
        } catch (RuntimeException e) {
            if (!transaction.isCompleted()) {
                rollbackQuietly(transaction);
            }
            failAll(group, unavailable(e));
            return;
        }
        groups.increment();
        committedWrites.add(group.size());
        for (int i = 0; i < group.size(); i++) {
            group.get(i).committed(records.get(i));
        }
    }

    private void retryWithout(PendingWrite failed, List<PendingWrite> group) {
        List<PendingWrite> rest = new ArrayList<>(group);
        rest.remove(failed);
        if (rest.isEmpty()) {
            return;
        }
        TransactionStatus again;
        try {
            again = transactions.getTransaction(new DefaultTransactionDefinition());
        } catch (RuntimeException e) {
            failAll(rest, unavailable(e));
            return;
        }
        commitClaimed(again, rest);
    }

    /**
     * Bounds every database call of the group by its earliest deadline: the server cancels a statement that runs
     * too long (a lock wait included), the driver gives up on a server that does not answer at all.
     */
    private void bound(List<PendingWrite> group) {
        long earliest =
                group.stream().mapToLong(PendingWrite::deadlineNanos).min().orElseThrow();
        long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(earliest - System.nanoTime()));
        JdbcClient.create(dataSource)
                .sql("SELECT set_config('statement_timeout', :ms, true)")
                .param("ms", Long.toString(millis))
                .query(String.class)
                .single();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, millis + 250));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private void rollbackQuietly(TransactionStatus transaction) {
        try {
            transactions.rollback(transaction);
        } catch (RuntimeException e) {
            // the connection is gone with the failure; the pool discards it
            log.debug(
                    "rollback of a failed audit group failed: {}", e.getClass().getName());
        }
    }

    private static void failAll(List<PendingWrite> group, RuntimeException failure) {
        group.forEach(pending -> pending.failed(failure));
    }

    private static AuditUnavailableException unavailable(Exception cause) {
        return new AuditUnavailableException("the audit trail could not commit", cause);
    }

    /** Groups committed so far. */
    long groups() {
        return groups.sum();
    }

    /** Writes committed so far; divided by {@link #groups()}, the mean group size. */
    long committedWrites() {
        return committedWrites.sum();
    }

    /** Stops taking writes, lets the groups in flight finish, and refuses what is still queued. */
    @Override
    public void close() {
        running = false;
        for (Thread committer : committers) {
            try {
                committer.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<PendingWrite> left = new ArrayList<>();
        queue.drainTo(left);
        for (PendingWrite pending : left) {
            if (pending.cancel()) {
                pending.failed(new AuditUnavailableException("the audit trail is shutting down"));
            }
        }
    }
}
