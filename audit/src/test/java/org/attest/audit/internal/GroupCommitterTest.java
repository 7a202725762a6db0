package org.attest.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.attest.audit.AuditRecord;
import org.attest.audit.AuditUnavailableException;
import org.attest.audit.AuditedWrite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The group committer on a real PostgreSQL: a decision's own row and its audit event commit together or not at all,
 * concurrent callers share transactions yet keep one linear chain, a failing write fails alone, and every wait is
 * bounded — a full queue, a write that cannot start in time and a database that does not answer all fail closed.
 */
class GroupCommitterTest {

    static final Duration WITHIN = Duration.ofSeconds(10);

    static AuditDatabase db;

    @BeforeAll
    static void database() throws Exception {
        db = AuditDatabase.create();
        try (Connection admin = db.admin.getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE TABLE decision (id uuid PRIMARY KEY, request_id text NOT NULL)");
            statement.execute("GRANT SELECT, INSERT ON decision TO attest_app");
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aDecisionAndItsEventCommitTogether() {
        GroupCommitter committer = db.committer(Clock.systemUTC(), AuditProperties.GroupCommit.DEFAULTS);
        String requestId = UUID.randomUUID().toString();

        AuditRecord record = committer.commit(decision(requestId), WITHIN);

        assertThat(record.event().requestId()).isEqualTo(requestId);
        assertThat(decisions(requestId)).isEqualTo(1);
        assertThat(events(requestId)).isEqualTo(1);
    }

    @Test
    void concurrentCallersShareGroupsAndKeepOneLinearChain() throws Exception {
        GroupCommitter committer = db.committer(Clock.systemUTC(), new AuditProperties.GroupCommit(2, 64, 4096));
        long before = db.count();
        List<Callable<List<AuditRecord>>> callers = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            callers.add(() -> {
                List<AuditRecord> mine = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String requestId = UUID.randomUUID().toString();
                    AuditRecord record = committer.commit(decision(requestId), WITHIN);
                    assertThat(record.event().requestId()).isEqualTo(requestId);
                    mine.add(record);
                }
                return mine;
            });
        }
        List<AuditRecord> all = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Future<List<AuditRecord>> caller : pool.invokeAll(callers)) {
                all.addAll(caller.get());
            }
        }

        assertThat(db.count()).isEqualTo(before + 640);
        assertThat(all).extracting(AuditRecord::sequence).doesNotHaveDuplicates();
        assertThat(all.stream().allMatch(record -> decisions(record.event().requestId()) == 1))
                .isTrue();
        // records of one group share their commit's time: fewer times than records means groups formed
        assertThat(all.stream().map(AuditRecord::time).distinct().count()).isLessThan(all.size());
        assertThat(db.trail().verify().intact()).isTrue();
    }

    @Test
    void aWriteThatFailsFailsAloneAndTheRestOfItsGroupCommits() throws Exception {
        GroupCommitter committer = db.committer(Clock.systemUTC(), new AuditProperties.GroupCommit(1, 64, 64));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String duplicate = UUID.randomUUID().toString();
        UUID taken = UUID.randomUUID();
        db.jdbc
                .sql("INSERT INTO decision VALUES (:id, 'earlier')")
                .param("id", taken)
                .update();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            // the only committer waits inside a group while the next group queues up behind it
            Future<AuditRecord> gate = pool.submit(() -> committer.commit(
                    () -> {
                        holding.countDown();
                        await(release);
                        return AuditEvents.minimal("gate-" + UUID.randomUUID());
                    },
                    WITHIN));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            List<String> good = List.of("a", "b", "c", "d").stream()
                    .map(name -> name + "-" + UUID.randomUUID())
                    .toList();
            List<Future<AuditRecord>> goods = new ArrayList<>();
            for (String requestId : good) {
                goods.add(pool.submit(() -> committer.commit(decision(requestId), WITHIN)));
            }
            Future<AuditRecord> bad = pool.submit(() -> committer.commit(decisionWithId(taken, duplicate), WITHIN));
            Thread.sleep(200);
            release.countDown();

            assertThat(gate.get()).isNotNull();
            for (Future<AuditRecord> future : goods) {
                assertThat(future.get().event().requestId()).isIn(good);
            }
            assertThatThrownBy(bad::get).hasCauseInstanceOf(DataIntegrityViolationException.class);
        }
        assertThat(events(duplicate)).isZero();
        assertThat(db.trail().verify().intact()).isTrue();
    }

    @Test
    void whenTheEventCannotBeStoredTheDecisionIsNotStoredEither() {
        GroupCommitter committer = db.committer(Clock.systemUTC(), AuditProperties.GroupCommit.DEFAULTS);
        String requestId = UUID.randomUUID().toString();

        assertThatThrownBy(() -> committer.commit(
                        () -> {
                            insertDecision(UUID.randomUUID(), requestId);
                            // the table refuses a confidence above 1: the whole group rolls back
                            return AuditEvents.released(requestId, "text", 1.5);
                        },
                        WITHIN))
                .isInstanceOf(AuditUnavailableException.class);

        assertThat(decisions(requestId)).isZero();
        assertThat(events(requestId)).isZero();
    }

    @Test
    void aWriteThatCannotStartInTimeIsNeverWritten() throws Exception {
        GroupCommitter committer = db.committer(Clock.systemUTC(), new AuditProperties.GroupCommit(1, 64, 64));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String late = UUID.randomUUID().toString();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<AuditRecord> gate = pool.submit(() -> committer.commit(
                    () -> {
                        holding.countDown();
                        await(release);
                        return AuditEvents.minimal("gate-" + UUID.randomUUID());
                    },
                    WITHIN));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> committer.commit(decision(late), Duration.ofMillis(300)))
                    .isInstanceOf(AuditUnavailableException.class)
                    .hasMessageContaining("nothing was written");
            release.countDown();
            gate.get();
        }
        // the committer, free again, drops the cancelled write instead of committing it late
        committer.commit(decision(UUID.randomUUID().toString()), WITHIN);
        assertThat(decisions(late)).isZero();
        assertThat(events(late)).isZero();
    }

    @Test
    void aFullQueueRefusesAtOnce() throws Exception {
        GroupCommitter committer = db.committer(Clock.systemUTC(), new AuditProperties.GroupCommit(1, 1, 1));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<AuditRecord> gate = pool.submit(() -> committer.commit(
                    () -> {
                        holding.countDown();
                        await(release);
                        return AuditEvents.minimal("gate-" + UUID.randomUUID());
                    },
                    WITHIN));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            Future<AuditRecord> queued =
                    pool.submit(() -> committer.commit(decision("queued-" + UUID.randomUUID()), WITHIN));
            Thread.sleep(200);

            assertThatThrownBy(() -> committer.commit(decision("refused-" + UUID.randomUUID()), WITHIN))
                    .isInstanceOf(AuditUnavailableException.class)
                    .hasMessageContaining("full");
            release.countDown();
            assertThat(gate.get()).isNotNull();
            assertThat(queued.get()).isNotNull();
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerFailsTheGroupWithinItsBound() throws Exception {
        GroupCommitter committer = db.committer(Clock.systemUTC(), AuditProperties.GroupCommit.DEFAULTS);
        String requestId = UUID.randomUUID().toString();
        try (Connection blocker = db.admin.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("LOCK TABLE audit_event IN ACCESS EXCLUSIVE MODE");
            }
            assertThatThrownBy(() -> committer.commit(decision(requestId), Duration.ofMillis(800)))
                    .isInstanceOf(AuditUnavailableException.class);
            blocker.rollback();
        }

        assertThat(decisions(requestId)).isZero();
        assertThat(events(requestId)).isZero();
        String after = UUID.randomUUID().toString();
        assertThat(committer.commit(decision(after), WITHIN).event().requestId())
                .isEqualTo(after);
    }

    @Test
    void aGroupedCommitRefusesToRunInsideTheCallersTransaction() {
        GroupCommitter committer = db.committer(Clock.systemUTC(), AuditProperties.GroupCommit.DEFAULTS);

        assertThatThrownBy(() -> db.transaction.execute(
                        status -> committer.commit(decision(UUID.randomUUID().toString()), WITHIN)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside");
    }

    @Test
    void aClosedCommitterRefuses() {
        GroupCommitter committer = db.committer(Clock.systemUTC(), AuditProperties.GroupCommit.DEFAULTS);
        committer.close();

        assertThatThrownBy(() -> committer.commit(decision(UUID.randomUUID().toString()), WITHIN))
                .isInstanceOf(AuditUnavailableException.class)
                .hasMessageContaining("shutting down");
    }

    private static AuditedWrite decision(String requestId) {
        return decisionWithId(UUID.randomUUID(), requestId);
    }

    private static AuditedWrite decisionWithId(UUID id, String requestId) {
        return () -> {
            insertDecision(id, requestId);
            return AuditEvents.released(requestId, "released text", 0.9);
        };
    }

    private static void insertDecision(UUID id, String requestId) {
        db.jdbc
                .sql("INSERT INTO decision VALUES (:id, :requestId)")
                .param("id", id)
                .param("requestId", requestId)
                .update();
    }

    private static long decisions(String requestId) {
        return db.jdbc
                .sql("SELECT count(*) FROM decision WHERE request_id = :r")
                .param("r", requestId)
                .query(Long.class)
                .single();
    }

    private static long events(String requestId) {
        return db.jdbc
                .sql("SELECT count(*) FROM audit_event WHERE request_id = :r")
                .param("r", requestId)
                .query(Long.class)
                .single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
